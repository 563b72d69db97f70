package dev.vela.codec;

/** The byte in front of a value that may be absent: 0 absent, 1 present, anything else corrupt. */
final class Presence {
  private Presence() {}

  /** Reads a presence byte of a {@code what} value; true when a value follows. */
  static boolean read(CodecInput in, String what) {
    int marker = in.readUnsignedByte();
    if (marker > 1) {
      throw new CodecException("expected the presence byte of a " + what + " value (0 or 1), found " + marker);
    }
    return marker == 1;
  }
}
