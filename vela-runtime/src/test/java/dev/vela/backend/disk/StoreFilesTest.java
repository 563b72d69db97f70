package dev.vela.backend.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** File names derived from cache names: safe, distinct, short. */
class StoreFilesTest {

  @Test
  void safeCharactersStayAndEveryOtherByteIsEscaped() {
    assertThat(StoreFiles.stem("users_v2-eu")).isEqualTo("users_v2-eu");
    assertThat(StoreFiles.stem("a/b\\c..")).isEqualTo("a%2Fb%5Cc%2E%2E");
    assertThat(StoreFiles.stem("café")).isEqualTo("caf%C3%A9");
  }

  @Test
  void namesThatDifferOnlyInCaseGetDifferentFiles() {
    assertThat(StoreFiles.stem("Users")).isNotEqualToIgnoringCase(StoreFiles.stem("users"));
  }

  @Test
  void longNamesAreCutAndKeptApartByAHash() {
    String base = "x".repeat(150);
    String first = StoreFiles.stem(base + "a");
    String second = StoreFiles.stem(base + "b");

    assertThat(first).hasSize(100).contains("~").isNotEqualTo(second);
    assertThat(second).hasSize(100);
  }

  @Test
  void theStoreItsRedoLogAndItsLockSitSideBySideInTheDataDir() {
    StoreFiles files = StoreFiles.of(Path.of("data"), "users");

    assertThat(files.store()).isEqualTo(Path.of("data", "users.vela.db"));
    assertThat(files.redoLog()).isEqualTo(Path.of("data", "users.vela.db.redo"));
    assertThat(files.lock()).isEqualTo(Path.of("data", "users.vela.lock"));
  }
}
