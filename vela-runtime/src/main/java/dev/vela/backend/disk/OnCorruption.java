package dev.vela.backend.disk;

import dev.vela.config.OptionSyntax;


/** What opening a store does when its file is corrupt or truncated: the {@code onCorruption} option. */
enum OnCorruption {
  /** Refuse to start, naming the file; the default, because the entries may still be wanted. */
  FAIL(OptionSyntax.ON_CORRUPTION_VALUES.get(0)),
  /** Rename the file with a timestamp (never delete it) and start with an empty store. */
  MOVE_ASIDE(OptionSyntax.ON_CORRUPTION_VALUES.get(1));

  private final String optionValue;

  OnCorruption(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written in the option. */
  String optionValue() {
    return optionValue;
  }

  /** The policy written {@code value} in the option, checked by the option catalogue already. */
  static OnCorruption parse(String value) {
    for (OnCorruption policy : values()) {
      if (policy.optionValue.equals(value)) {
        return policy;
      }
    }
    throw new IllegalArgumentException("onCorruption \"" + value + "\" was not checked against the option catalogue");
  }
}
