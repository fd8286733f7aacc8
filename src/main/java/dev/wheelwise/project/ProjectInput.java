package dev.wheelwise.project;

/** What a dependency file reads into: exact versions ({@link LockedSet}) or loose requirements. */
public sealed interface ProjectInput permits LockedSet, RequirementSet {

  /** The file read, as given. */
  String file();

  InputKind kind();
}
