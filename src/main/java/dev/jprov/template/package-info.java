/**
 * Ansible's templating for jprov, on jinjava (the only package that imports it).
 *
 * <p>One {@link dev.jprov.template.Templar} per run, shared by all hosts and threads. The engine hands it the
 * task's layered variables; {@link dev.jprov.template.Templar#lazyVars} wraps them in a read-only
 * {@link dev.jprov.template.LazyVars} view that renders template-valued variables on use (give other hosts'
 * views as {@code hostvars} values so theirs render in their own scope). Then:
 * <ul>
 *   <li>{@code render(value, vars, taskLocation)}: task arguments, loop, vars; a lone {@code {{ expr }}} gives the
 *       native value, {@link dev.jprov.template.Templar#OMIT} marks an omitted argument;</li>
 *   <li>{@code evaluateCondition(when, vars, taskLocation)}: when, changed_when, failed_when, assert's that;</li>
 *   <li>{@code renderTemplateFile(path, vars)}: the template module, byte for byte as Ansible writes it.</li>
 * </ul>
 * Failures are {@link dev.jprov.template.TemplateException}s whose message starts with the task's or the
 * template file's location and line. The differences from Jinja2 that remain are listed, with tests, in
 * JinjaCompatibilityTest.
 */
package dev.jprov.template;
