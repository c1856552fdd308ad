package dev.jprov.playbook;

import dev.jprov.source.SourceLocation;
import java.util.List;

/**
 * block / rescue / always. The inner nodes already carry the block's keywords in their effective keywords;
 * {@code keywords} here are the block's own effective ones (for reporting and for the executor's rescue logic).
 */
public record Block(
        String name,
        List<TaskNode> block,
        List<TaskNode> rescue,
        List<TaskNode> always,
        TaskKeywords keywords,
        RoleUse role,
        SourceLocation location) implements TaskNode {

    public Block {
        block = List.copyOf(block);
        rescue = List.copyOf(rescue);
        always = List.copyOf(always);
    }

    @Override
    public String actionName() {
        return "block";
    }

    public boolean isEmpty() {
        return block.isEmpty() && rescue.isEmpty() && always.isEmpty();
    }
}
