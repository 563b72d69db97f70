package dev.vela.backend.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The volume under a store: changes reach the store file only whole, at a commit, and a commit
 * the redo log holds in full is finished when the store is opened again. Crashes are staged by
 * leaving the files as a process killed at that point would.
 */
class RedoLoggedVolumeTest {
  private static final int PAGE = RedoLoggedVolume.PAGE_SIZE;

  @TempDir Path dir;

  private Path store() {
    return dir.resolve("s.vela.db");
  }

  private Path log() {
    return dir.resolve("s.vela.db.redo");
  }

  private RedoLoggedVolume open() throws IOException {
    return RedoLoggedVolume.open(store(), log());
  }

  /** A store holding {@code value} at offset 16 and 2 pages long, committed and closed. */
  private void committedStore(long value) throws IOException {
    RedoLoggedVolume volume = open();
    volume.ensureAvailable(2L * PAGE);
    volume.putLong(16, value);
    volume.sync();
    volume.close();
  }

  private static long longAt(Path file, long offset) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.seek(offset);
      return raf.readLong();
    }
  }

  /** Leaves a log as a process leaves it when killed after forcing it and before writing the store file. */
  private void logOnly(long value) throws IOException {
    byte[] page = Files.readAllBytes(store());
    ByteBuffer.wrap(page).putLong(16, value);
    try (RedoLog redo = RedoLog.open(log())) {
      redo.write(2L * PAGE, Map.of(0L, Arrays.copyOf(page, PAGE)), PAGE);
    }
  }

  @Test
  void changesAreReadBackAtOnceButReachTheFileOnlyAtTheCommit() throws IOException {
    committedStore(1);
    RedoLoggedVolume volume = open();
    volume.putLong(16, 2);
    volume.putData(PAGE - 3, new byte[] {7, 8, 9, 10, 11, 12}, 0, 6); // across a page boundary

    assertThat(volume.getLong(16)).isEqualTo(2);
    byte[] across = new byte[6];
    volume.getData(PAGE - 3, across, 0, 6);
    assertThat(across).containsExactly(7, 8, 9, 10, 11, 12);
    assertThat(longAt(store(), 16)).as("store file before the commit").isEqualTo(1);

    volume.sync();
    assertThat(longAt(store(), 16)).as("store file after the commit").isEqualTo(2);
    volume.close();
  }

  @Test
  void closingWithoutACommitDropsTheChangesAndLeavesNoLog() throws IOException {
    committedStore(1);
    RedoLoggedVolume volume = open();
    volume.putLong(16, 2);
    volume.close();

    assertThat(log()).doesNotExist();
    RedoLoggedVolume reopened = open();
    assertThat(reopened.getLong(16)).isEqualTo(1);
    reopened.close();
  }

  @Test
  void aCommitWhoseLogWasForcedButNeverReachedTheStoreFileIsFinishedAtOpen() throws IOException {
    committedStore(1);
    logOnly(2);
    assertThat(longAt(store(), 16)).isEqualTo(1);

    RedoLoggedVolume volume = open();

    assertThat(volume.getLong(16)).isEqualTo(2);
    assertThat(longAt(store(), 16)).as("the store file itself").isEqualTo(2);
    volume.close();
  }

  @Test
  void aLogCutShortIsACommitThatNeverHappened() throws IOException {
    committedStore(1);
    logOnly(2);
    try (RandomAccessFile raf = new RandomAccessFile(log().toFile(), "rw")) {
      raf.setLength(raf.length() - 100);
    }

    RedoLoggedVolume volume = open();

    assertThat(volume.getLong(16)).isEqualTo(1);
    volume.close();
  }

  @Test
  void aLogWithADamagedByteIsIgnoredToo() throws IOException {
    committedStore(1);
    logOnly(2);
    try (RandomAccessFile raf = new RandomAccessFile(log().toFile(), "rw")) {
      raf.seek(raf.length() - 10);
      int b = raf.read();
      raf.seek(raf.length() - 10);
      raf.write(b ^ 0x40);
    }

    RedoLoggedVolume volume = open();

    assertThat(volume.getLong(16)).isEqualTo(1);
    volume.close();
  }

  @Test
  void growingTheStoreLogsOnlyThePagesWritten() throws IOException {
    RedoLoggedVolume volume = open();
    volume.ensureAvailable(256L * PAGE);
    volume.clear(0, 256L * PAGE); // MapDB zeroes what it allocates: nothing to log past the file's end
    volume.putLong(100L * PAGE, 5);
    volume.sync();

    assertThat(Files.size(store())).isEqualTo(256L * PAGE);
    assertThat(Files.size(log())).as("log: one page and its framing").isLessThan(2L * PAGE);
    assertThat(longAt(store(), 100L * PAGE)).isEqualTo(5);
    assertThat(volume.getLong(200L * PAGE)).isZero();
    volume.close();
  }
}
