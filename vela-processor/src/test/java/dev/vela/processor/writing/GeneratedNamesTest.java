package dev.vela.processor.writing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.palantir.javapoet.ClassName;
import org.junit.jupiter.api.Test;

class GeneratedNamesTest {

  @Test
  void prefixesTheSimpleNameInTheSamePackage() {
    assertThat(GeneratedNames.cacheClass(ClassName.get("com.acme", "UserCache")))
        .isEqualTo(ClassName.get("com.acme", "VelaUserCache"));
  }

  @Test
  void joinsTheNamesOfANestedInterfaceWithUnderscores() {
    assertThat(GeneratedNames.cacheClass(ClassName.get("com.acme", "Outer", "Middle", "Inner")))
        .isEqualTo(ClassName.get("com.acme", "VelaOuter_Middle_Inner"));
  }

  @Test
  void worksInTheUnnamedPackage() {
    assertThat(GeneratedNames.cacheClass(ClassName.get("", "UserCache")).canonicalName()).isEqualTo("VelaUserCache");
  }

  @Test
  void refusesNull() {
    assertThatNullPointerException().isThrownBy(() -> GeneratedNames.cacheClass(null)).withMessage("cacheInterface");
  }
}
