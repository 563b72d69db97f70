package dev.vela.codec;

/** Prints {@link HashedKeys#hashes()}, one {@code label=hash} a line, for a test in another JVM to compare. */
public final class KeyHashPrinter {
  private KeyHashPrinter() {}

  /** Prints the hashes to standard output. */
  public static void main(String[] args) {
    HashedKeys.hashes().forEach((label, hash) -> System.out.println(label + "=" + hash));
  }
}
