package dev.vela.backend.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operation log of a store: every change, appended with {@code write()} before the call that
 * made it returns, so it survives the process being killed; forced to disk as the {@code fsync}
 * option says. The log is cut into numbered segments ({@link StoreFiles#logSegment}); a checkpoint
 * starts a new segment, commits the store, which then holds every change of the older segments,
 * and deletes them. Opening a store replays the segments newer than its last checkpoint.
 *
 * <p>A segment starts with {@code MAGIC} and its number, then holds {@link LogFrames}. Positions
 * given out by {@link #append} count bytes over all segments, so a writer can wait for its own
 * position to be forced whatever segment it went to.
 *
 * <p>Appends and {@link #rotate} are serialised by the caller (the backend's write lock); {@link
 * #forceUpTo} may be called from any thread at any time, and forces the segments rotated out too.
 * Writers that wait while a force runs share the next one: group commit.
 */
final class OpLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpLog.class);
  private static final long MAGIC = 0x56454c41_4f504c31L; // "VELAOPL1"
  private static final int SEGMENT_HEAD_BYTES = 16;

  private final StoreFiles files;
  /** Held by the one force running; callers that wait for it share the next. */
  private final Object forcing = new Object();
  /** Guards which segment is current and which older ones are not forced yet. */
  private final Object swapping = new Object();
  private FileChannel segment; // appended to under the caller's lock; swapped by rotate, under it too
  private long number; // guarded by swapping
  /** Segments rotated out and not forced yet; guarded by swapping. */
  private final List<FileChannel> retired = new ArrayList<>();
  private volatile long appended;
  private volatile long appendedAtRotation;
  private volatile long forced; // written under forcing

  private OpLog(StoreFiles files, FileChannel segment, long number) {
    this.files = files;
    this.segment = segment;
    this.number = number;
  }

  /**
   * Applies, in order, every whole frame of the segments of {@code files} numbered after {@code
   * checkpointed}, and returns the highest segment number found ({@code checkpointed} when none).
   * A frame cut short or damaged ends its segment: the write that made it was never acknowledged.
   */
  static long replay(StoreFiles files, long checkpointed, Consumer<List<LogOp>> apply) throws IOException {
    long highest = checkpointed;
    List<Long> numbers = segmentNumbers(files);
    for (long segmentNumber : numbers) {
      if (segmentNumber <= checkpointed) {
        continue;
      }
      highest = segmentNumber;
      ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(files.logSegment(segmentNumber)));
      if (bytes.remaining() < SEGMENT_HEAD_BYTES || bytes.getLong(0) != MAGIC || bytes.getLong(8) != segmentNumber) {
        LOG.warn("log segment {} has no valid head and is skipped", files.logSegment(segmentNumber));
        continue;
      }
      bytes.position(SEGMENT_HEAD_BYTES);
      for (List<LogOp> ops = LogFrames.next(bytes); ops != null; ops = LogFrames.next(bytes)) {
        apply.accept(ops);
      }
      if (bytes.hasRemaining() && segmentNumber != numbers.get(numbers.size() - 1)) {
        LOG.warn("log segment {} ends in {} bytes that are not a whole frame, though a newer segment follows it",
            files.logSegment(segmentNumber), bytes.remaining());
      }
    }
    return highest;
  }

  /** The numbers of the log segments of {@code files} on disk, ascending. */
  static List<Long> segmentNumbers(StoreFiles files) throws IOException {
    String prefix = files.logSegmentPrefix();
    List<Long> numbers = new ArrayList<>();
    try (Stream<Path> siblings = Files.list(files.dataDir())) {
      siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).forEach(name -> {
        try {
          numbers.add(Long.parseLong(name.substring(prefix.length())));
        } catch (NumberFormatException e) {
          // not a segment of ours (a moved-aside copy, say)
        }
      });
    }
    numbers.sort(null);
    return numbers;
  }

  /** Starts a log whose first segment is {@code number}, a new, empty file. */
  static OpLog start(StoreFiles files, long number) throws IOException {
    return new OpLog(files, newSegment(files, number), number);
  }

  private static FileChannel newSegment(StoreFiles files, long number) throws IOException {
    Path path = files.logSegment(number);
    // a file of this number can only be one prepared by a checkpoint that failed before using it
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
    try {
      ByteBuffer head = ByteBuffer.allocate(SEGMENT_HEAD_BYTES).putLong(MAGIC).putLong(number).flip();
      while (head.hasRemaining()) {
        channel.write(head);
      }
      channel.force(true);
      forceDirectory(files.dataDir()); // so that the new file's name survives a power cut too
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      // some platforms cannot open a directory; the file's data is forced all the same
    }
  }

  /**
   * Appends one frame with {@code write()}; when this returns, the operating system has it, so it
   * survives the process. Returns the position just past it, for {@link #forceUpTo}.
   */
  long append(ByteBuffer frame) throws IOException {
    int length = frame.remaining();
    while (frame.hasRemaining()) {
      segment.write(frame);
    }
    long position = appended + length;
    appended = position;
    return position;
  }

  /** Returns once every byte up to {@code position} is forced to disk, sharing forces with other callers. */
  void forceUpTo(long position) throws IOException {
    synchronized (forcing) {
      if (forced >= position) {
        return; // a force that ran while this caller waited covered it
      }
      long target;
      FileChannel current;
      List<FileChannel> older;
      synchronized (swapping) {
        target = appended; // everything appended so far goes in this force
        current = segment;
        older = List.copyOf(retired);
        retired.clear();
      }
      for (FileChannel old : older) {
        old.force(false);
        old.close();
      }
      current.force(false);
      forced = target;
    }
  }

  /** Forces everything appended so far. */
  void force() throws IOException {
    forceUpTo(appended);
  }

  /** True when some appended bytes are not forced yet. */
  boolean hasUnforced() {
    return forced < appended;
  }

  /** The number of the segment appends go to. */
  long segmentNumber() {
    synchronized (swapping) {
      return number;
    }
  }

  /** Bytes appended since the current segment began. */
  long bytesInSegment() {
    return appended - appendedAtRotation;
  }

  /**
   * Creates the next segment's file, forced with its directory, so that {@link #rotate} only
   * switches to it. Called by the one thread that rotates, without holding off appends.
   */
  FileChannel prepareNext() throws IOException {
    return newSegment(files, segmentNumber() + 1);
  }

  /**
   * Continues in {@code next}, from {@link #prepareNext}, and returns the number of the segment it
   * leaves, which the next force covers; no force runs here, so the caller's lock is held only for
   * the switch. The caller holds off appends meanwhile.
   */
  long rotate(FileChannel next) {
    synchronized (swapping) {
      retired.add(segment);
      segment = next;
      appendedAtRotation = appended;
      return number++;
    }
  }

  /** Deletes every segment up to {@code last}, whose changes the store now holds. */
  void deleteThrough(long last) throws IOException {
    deleteSegmentsThrough(files, last);
  }

  /** Deletes every segment of {@code files} up to {@code last}. */
  static void deleteSegmentsThrough(StoreFiles files, long last) throws IOException {
    for (long segmentNumber : segmentNumbers(files)) {
      if (segmentNumber <= last) {
        Files.deleteIfExists(files.logSegment(segmentNumber));
      }
    }
  }

  /** Forces and closes every segment still open. */
  @Override
  public void close() throws IOException {
    synchronized (forcing) {
      synchronized (swapping) {
        try {
          for (FileChannel old : retired) {
            old.force(false);
            old.close();
          }
          retired.clear();
          segment.force(false);
          forced = appended;
        } finally {
          segment.close();
        }
      }
    }
  }
}
