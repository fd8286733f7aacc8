package dev.wheelwise.advise;

import dev.wheelwise.dockerfile.CommandOption;
import java.util.List;

/** {@code pipenv install}/{@code pipenv sync}: the default section, {@code --dev} adds develop, {@code --categories} names others. */
final class PipenvSelection {
  private PipenvSelection() {}

  static void select(List<CommandOption> options, SelectionDraft draft) {
    for (CommandOption o : options) {
      switch (o.name()) {
        case "--dev" -> draft.dev = true;
        case "--categories" -> draft.groups.addAll(SelectionDraft.splitList(o.value()));
        default -> {}
      }
    }
  }
}
