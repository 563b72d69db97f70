package dev.vela.samples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The samples are user code: what the processor generated for them, and what was written by hand,
 * touch only the packages that the runtime's module exports to everyone, so they compile and run
 * with vela-runtime on the module path.
 */
class ExportedPackagesTest {
  /** The packages {@code vela-runtime}'s module-info exports to every module, and the annotations. */
  static final List<String> EXPORTED = List.of(
      "dev.vela", "dev.vela.codec", "dev.vela.registry", "dev.vela.telemetry", "dev.vela.cluster",
      "dev.vela.annotation");

  /** What the processor writes: Vela + the interface's name (and its Declaration), VelaCodec_ + the type's. */
  private static final Pattern GENERATED = Pattern.compile("dev\\.vela\\.samples\\.(\\w+\\.)*Vela[A-Z]\\w*(\\$\\w+)?");

  private static JavaClasses samples;

  @BeforeAll
  static void importSamples() {
    samples = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("dev.vela.samples");
  }

  @Test
  void generatedCodeUsesOnlyExportedPackages() {
    List<String> generated = samples.stream().map(JavaClass::getName).filter(name -> GENERATED.matcher(name).matches())
        .sorted().collect(Collectors.toList());
    // caches with their declarations, and codecs: a rule over nothing would pass whatever the processor writes
    assertThat(generated).contains("dev.vela.samples.VelaProductCache", "dev.vela.samples.VelaProductCache$Declaration",
        "dev.vela.samples.VelaCodec_Product", "dev.vela.samples.spring.VelaQuoteCache");

    classes().that().haveNameMatching(GENERATED.pattern())
        .should().onlyDependOnClassesThat(ownOrExported())
        .check(samples);
  }

  @Test
  void handWrittenSamplesUseOnlyExportedPackages() {
    classes().that().haveNameNotMatching(GENERATED.pattern())
        .should().onlyDependOnClassesThat(ownOrExported().or(libraries()))
        .check(samples);
  }

  private static DescribedPredicate<JavaClass> ownOrExported() {
    return DescribedPredicate.describe("are the samples' own, the JDK's or in a package vela-runtime exports",
        type -> {
          JavaClass base = type.getBaseComponentType();
          String pkg = base.getPackageName();
          return base.isPrimitive() || pkg.startsWith("dev.vela.samples") || pkg.startsWith("java.")
              || pkg.startsWith("javax.annotation.processing") || EXPORTED.contains(pkg);
        });
  }

  /** The other libraries the tour and the Spring sample use, as any application would. */
  private static DescribedPredicate<JavaClass> libraries() {
    return DescribedPredicate.describe("belong to Spring, vela-spring or JGroups",
        type -> {
          String pkg = type.getBaseComponentType().getPackageName();
          return pkg.startsWith("org.springframework") || pkg.equals("dev.vela.spring") || pkg.startsWith("org.jgroups");
        });
  }
}
