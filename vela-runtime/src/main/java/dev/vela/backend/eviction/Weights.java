package dev.vela.backend.eviction;

/** The one check every order makes of an entry's weight. */
final class Weights {
  private Weights() {}

  static int checked(int weight) {
    if (weight < 0) {
      throw new IllegalArgumentException("an entry's weight must not be negative, was " + weight);
    }
    return weight;
  }
}
