package dev.vela.topology.wire;

import dev.vela.VelaException;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;

/** The first byte of every reply, and the error reply. */
public final class Reply {
  /** The request was done; its result follows. */
  public static final int OK = 0;
  /** The request failed; a message follows. */
  public static final int ERROR = 1;

  private Reply() {}

  /** A successful reply, ready for its result. */
  public static CodecOutput ok() {
    CodecOutput out = new CodecOutput();
    out.writeByte(OK);
    return out;
  }

  /**
   * {@code reused}, emptied, with the header of a successful reply: for a reply written into an
   * output kept for the next one, and copied out with {@link CodecOutput#toByteArray()}.
   */
  public static CodecOutput ok(CodecOutput reused) {
    reused.reset();
    reused.writeByte(OK);
    return reused;
  }

  /** A successful reply without a result. */
  public static byte[] okEmpty() {
    return ok().toByteArray();
  }

  /** A failed reply carrying {@code message}. */
  public static byte[] error(String message) {
    CodecOutput out = new CodecOutput();
    out.writeByte(ERROR);
    out.writeString(message);
    return out.toByteArray();
  }

  /**
   * Reads the status of {@code reply} and returns the input positioned at its result.
   *
   * @throws VelaException with the remote node's message when it failed
   */
  public static CodecInput read(String from, byte[] reply) {
    CodecInput in = new CodecInput(reply);
    int status = in.readUnsignedByte();
    if (status == ERROR) {
      throw new VelaException("node " + from + " failed: " + in.readString());
    }
    return in;
  }
}
