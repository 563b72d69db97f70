package dev.vela.samples;

/** A runnable tour of Vela. */
public final class Tour {
  private Tour() {}

  /** Runs the tour. */
  public static void main(String[] args) {
    System.out.println("Vela tour");
  }
}
