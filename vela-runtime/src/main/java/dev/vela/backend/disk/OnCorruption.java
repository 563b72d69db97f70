package dev.vela.backend.disk;

import dev.vela.VelaException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What opening a store does when its file is corrupt or truncated: the {@code onCorruption} option. */
enum OnCorruption {
  /** Refuse to start, naming the file; the default, because the entries may still be wanted. */
  FAIL("fail"),
  /** Rename the file with a timestamp (never delete it) and start with an empty store. */
  MOVE_ASIDE("moveAside");

  private final String optionValue;

  OnCorruption(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written in the option. */
  String optionValue() {
    return optionValue;
  }

  /** The policy written {@code value} in the option of cache {@code cacheName}. */
  static OnCorruption parse(String cacheName, String value) {
    for (OnCorruption policy : values()) {
      if (policy.optionValue.equals(value)) {
        return policy;
      }
    }
    throw new VelaException("cache '" + cacheName + "' has onCorruption=\"" + value + "\"; use one of "
        + Arrays.stream(values()).map(OnCorruption::optionValue).collect(Collectors.joining(", ")));
  }
}
