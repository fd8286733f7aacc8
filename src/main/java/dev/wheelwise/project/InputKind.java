package dev.wheelwise.project;

/** The dependency inputs wheelwise reads, by the name users know them by. */
public enum InputKind {
  UV_LOCK("uv.lock", true),
  PYLOCK("pylock.toml", true),
  POETRY_LOCK("poetry.lock", true),
  PDM_LOCK("pdm.lock", true),
  PIPFILE_LOCK("Pipfile.lock", true),
  PYPROJECT("pyproject.toml", false),
  REQUIREMENTS("requirements.txt", false);

  private final String label;
  private final boolean locked;

  InputKind(String label, boolean locked) {
    this.label = label;
    this.locked = locked;
  }

  /** The usual file name, used as the kind's name in output ({@code "uv.lock"}). */
  public String label() {
    return label;
  }

  /** True for lock files (exact versions), false for loose requirements. */
  public boolean locked() {
    return locked;
  }

  @Override
  public String toString() {
    return label;
  }
}
