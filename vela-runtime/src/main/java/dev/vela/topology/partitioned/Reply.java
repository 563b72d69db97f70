package dev.vela.topology.partitioned;

import dev.vela.VelaException;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;

/** The first byte of every reply, and the error reply. */
final class Reply {
  /** The request was done; its result follows. */
  static final int OK = 0;
  /** The request failed; a message follows. */
  static final int ERROR = 1;

  private Reply() {}

  static CodecOutput ok() {
    CodecOutput out = new CodecOutput();
    out.writeByte(OK);
    return out;
  }

  static byte[] okEmpty() {
    return ok().toByteArray();
  }

  static byte[] error(String message) {
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
  static CodecInput read(String from, byte[] reply) {
    CodecInput in = new CodecInput(reply);
    int status = in.readUnsignedByte();
    if (status == ERROR) {
      throw new VelaException("node " + from + " failed: " + in.readString());
    }
    return in;
  }
}
