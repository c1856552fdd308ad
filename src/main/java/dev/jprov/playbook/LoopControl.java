package dev.jprov.playbook;

/**
 * loop_control. {@code label} is a template or null; {@code pause} is seconds as a number or template text.
 */
public record LoopControl(String loopVar, String indexVar, String label, Object pause, Flag extended) {
    public static final LoopControl DEFAULT = new LoopControl("item", null, null, 0, null);
}
