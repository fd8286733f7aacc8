package dev.wheelwise.index;

import java.util.Optional;

/**
 * PEP 592 state of a file. {@code UNKNOWN} exists because lockfiles and gathered facts do not
 * record yanking; PEP 691's default {@code false} is only a fact when an index said it.
 */
public record Yanked(State state, Optional<String> reason) {

  public enum State {
    NO,
    YES,
    UNKNOWN
  }

  public static final Yanked NO = new Yanked(State.NO, Optional.empty());
  public static final Yanked UNKNOWN = new Yanked(State.UNKNOWN, Optional.empty());

  public Yanked {
    if (state != State.YES && reason.isPresent()) {
      throw new IllegalArgumentException("only a yanked file has a reason");
    }
  }

  public static Yanked yes(String reason) {
    return new Yanked(State.YES, reason == null || reason.isBlank() ? Optional.empty() : Optional.of(reason));
  }

  public boolean isYanked() {
    return state == State.YES;
  }

  @Override
  public String toString() {
    switch (state) {
      case YES:
        return reason.map(r -> "yanked: " + r).orElse("yanked");
      case NO:
        return "not yanked";
      default:
        return "yanked unknown";
    }
  }
}
