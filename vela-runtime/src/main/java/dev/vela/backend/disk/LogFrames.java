package dev.vela.backend.disk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The bytes of the operation log. A frame holds the operations of one call (a put, a whole
 * {@code putAll}, one sweep batch), so a call is replayed whole or not at all: {@code payload
 * length (int), CRC32C of the payload (int), payload}. The payload is a sequence of operations,
 * each a type byte then its fields: {@code 1 key-length key record-length record} for a put,
 * {@code 2 key-length key} for a delete, {@code 3} for a clear. A frame that is cut short or
 * whose CRC does not match ends the log: it is a write the process did not finish.
 */
final class LogFrames {
  static final int HEADER_BYTES = 8;
  private static final byte PUT = 1;
  private static final byte DELETE = 2;
  private static final byte CLEAR = 3;

  private LogFrames() {}

  /** The frame of {@code ops}, ready to append. */
  static ByteBuffer frame(List<? extends LogOp> ops) {
    int payload = 0;
    for (LogOp op : ops) {
      payload += size(op);
    }
    ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload);
    frame.position(HEADER_BYTES);
    for (LogOp op : ops) {
      if (op instanceof LogOp.Put put) {
        frame.put(PUT).putInt(put.key().length).put(put.key()).putInt(put.record().length).put(put.record());
      } else if (op instanceof LogOp.Delete delete) {
        frame.put(DELETE).putInt(delete.key().length).put(delete.key());
      } else {
        frame.put(CLEAR);
      }
    }
    CRC32C crc = new CRC32C();
    crc.update(frame.array(), HEADER_BYTES, payload);
    frame.putInt(0, payload).putInt(4, (int) crc.getValue());
    frame.position(0);
    return frame;
  }

  /** The frame of one operation. */
  static ByteBuffer frame(LogOp op) {
    return frame(List.of(op));
  }

  private static int size(LogOp op) {
    if (op instanceof LogOp.Put put) {
      return 1 + 4 + put.key().length + 4 + put.record().length;
    }
    return op instanceof LogOp.Delete delete ? 1 + 4 + delete.key().length : 1;
  }

  /**
   * The operations of the frame starting at {@code bytes}' position, which then moves past it;
   * null when no whole, intact frame starts there (the end of the log, or a torn last write).
   */
  static List<LogOp> next(ByteBuffer bytes) {
    if (bytes.remaining() < HEADER_BYTES) {
      return null;
    }
    int start = bytes.position();
    int payload = bytes.getInt(start);
    int expectedCrc = bytes.getInt(start + 4);
    if (payload < 1 || payload > bytes.remaining() - HEADER_BYTES) {
      return null;
    }
    CRC32C crc = new CRC32C();
    ByteBuffer body = bytes.duplicate().position(start + HEADER_BYTES).limit(start + HEADER_BYTES + payload);
    crc.update(body.duplicate());
    if ((int) crc.getValue() != expectedCrc) {
      return null;
    }
    List<LogOp> ops = parse(body);
    if (ops != null) {
      bytes.position(start + HEADER_BYTES + payload);
    }
    return ops;
  }

  /** The operations of an intact payload; null when it does not parse (a layout this version did not write). */
  private static List<LogOp> parse(ByteBuffer body) {
    List<LogOp> ops = new ArrayList<>();
    try {
      while (body.hasRemaining()) {
        byte type = body.get();
        switch (type) {
          case PUT -> ops.add(new LogOp.Put(bytes(body), bytes(body)));
          case DELETE -> ops.add(new LogOp.Delete(bytes(body)));
          case CLEAR -> ops.add(new LogOp.Clear());
          default -> {
            return null;
          }
        }
      }
    } catch (RuntimeException e) { // a length running past the payload
      return null;
    }
    return ops;
  }

  private static byte[] bytes(ByteBuffer body) {
    int length = body.getInt();
    if (length < 0 || length > body.remaining()) {
      throw new IllegalStateException("a length of " + length + " runs past the payload");
    }
    byte[] bytes = new byte[length];
    body.get(bytes);
    return bytes;
  }
}
