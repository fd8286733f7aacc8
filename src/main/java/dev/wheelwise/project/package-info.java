/**
 * Reading a Python project's dependency inputs (research §3–4) into two models, and what a lock
 * installs on a target.
 *
 * <ul>
 *   <li>{@link dev.wheelwise.project.ProjectInputs#read} reads any input by its file name into a
 *       {@link dev.wheelwise.project.LockedSet} (uv.lock, pylock.toml, poetry.lock, pdm.lock,
 *       Pipfile.lock: exact versions, files, edges, roots) or a
 *       {@link dev.wheelwise.project.RequirementSet} (requirements files, pyproject.toml: loose
 *       PEP 508 strings with file:line origins and index options).
 *   <li>{@link dev.wheelwise.project.Discovery#discover} picks a folder's input and says why.
 *   <li>{@link dev.wheelwise.project.InstallSets#compute} gives the
 *       {@link dev.wheelwise.project.InstallSet} of a lock for a marker environment and a
 *       {@link dev.wheelwise.project.GroupSelection}.
 * </ul>
 *
 * <p>Every reader throws {@link dev.wheelwise.project.InputParseError} (file, line, column, what
 * was expected); an install set that cannot be computed is an
 * {@link dev.wheelwise.project.InstallSetError} saying why. Requirement and marker strings stay
 * raw in the models; {@code pep508} parses them where they are used.
 */
package dev.wheelwise.project;
