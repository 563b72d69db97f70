package dev.vela.core;

import dev.vela.VelaException;
import dev.vela.codec.CodecInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads the framing of a dump file from a stream, checking every length against the bytes the
 * file still has, so a corrupt length ends in a clear error rather than a huge allocation.
 */
final class DumpInput {
  private final InputStream in;
  private final Path file;
  private long remaining;

  DumpInput(InputStream in, Path file, long length) {
    this.in = in;
    this.file = file;
    this.remaining = length;
  }

  int readByte() throws IOException {
    int value = in.read();
    if (value < 0) {
      throw corrupt("it ends early");
    }
    remaining--;
    return value;
  }

  byte[] readFully(int length) throws IOException {
    if (length > remaining) {
      throw corrupt("a length of " + length + " bytes runs past its end");
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw corrupt("it ends early");
    }
    remaining -= length;
    return bytes;
  }

  /** Reads a varint length and that many bytes, for decoding with {@link CodecInput}. */
  CodecInput readFrame() throws IOException {
    long length = 0;
    for (int shift = 0; ; shift += 7) {
      if (shift > 28) {
        throw corrupt("a frame length is longer than 5 bytes");
      }
      int b = readByte();
      length |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (length > remaining) {
      throw corrupt("a frame of " + length + " bytes runs past its end");
    }
    return new CodecInput(readFully((int) length));
  }

  long readLittleEndian(int bytes) throws IOException {
    long value = 0;
    for (int i = 0; i < bytes; i++) {
      value |= (long) readByte() << (8 * i);
    }
    return value;
  }

  Path file() {
    return file;
  }

  long remaining() {
    return remaining;
  }

  /** An error naming the file and what is wrong with it. */
  VelaException corrupt(String detail) {
    return new VelaException(file + " is not a valid Vela dump: " + detail + "; nothing was loaded");
  }
}
