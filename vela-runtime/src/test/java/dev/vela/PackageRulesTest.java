package dev.vela;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's package rules, checked on its compiled classes: calls go down from the cache core
 * through the near cache and the topologies to the backends and never back up; codecs, the cluster
 * node and telemetry sit beside; the public face in {@code dev.vela} reaches into no internal
 * package, except {@link CacheBuilder}, which starts caches through the core and which nothing
 * internal calls back; and no packages depend on each other in a cycle.
 */
class PackageRulesTest {
  private static final DescribedPredicate<JavaClass> BUILDER = JavaClass.Predicates.belongToAnyOf(CacheBuilder.class);

  private static JavaClasses runtime;

  @BeforeAll
  static void importRuntime() {
    runtime = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS) // vela-annotations is a module of its own
        .importPackages("dev.vela");
    assertThat(runtime.size()).as("runtime classes imported").isGreaterThan(150);
  }

  @Test
  void layersAreCalledOnlyFromAbove() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Api").definedBy(resideInAPackage("dev.vela").and(not(BUILDER)))
        .layer("Builder").definedBy(BUILDER)
        .layer("Registry").definedBy("dev.vela.registry..")
        .layer("Core").definedBy("dev.vela.core..")
        .layer("Near").definedBy("dev.vela.near..")
        .layer("Entry").definedBy("dev.vela.entry..")
        .layer("Topology").definedBy("dev.vela.topology..")
        .layer("Backend").definedBy("dev.vela.backend..")
        .layer("Cluster").definedBy("dev.vela.cluster..")
        .layer("Codec").definedBy("dev.vela.codec..")
        .layer("Telemetry").definedBy("dev.vela.telemetry..")
        .layer("Config").definedBy("dev.vela.config..")
        .whereLayer("Registry").mayOnlyAccessLayers("Builder", "Api")
        .whereLayer("Builder").mayOnlyAccessLayers("Core", "Cluster", "Codec", "Telemetry", "Config", "Api")
        .whereLayer("Core").mayOnlyAccessLayers(
            "Near", "Topology", "Backend", "Cluster", "Codec", "Telemetry", "Config", "Api")
        .whereLayer("Near").mayOnlyAccessLayers("Topology", "Backend", "Codec", "Config", "Api")
        .whereLayer("Entry").mayOnlyAccessLayers("Backend", "Codec", "Config", "Api")
        .whereLayer("Topology").mayOnlyAccessLayers("Backend", "Cluster", "Codec", "Config", "Api")
        .whereLayer("Backend").mayOnlyAccessLayers("Codec", "Config", "Api")
        .whereLayer("Cluster").mayOnlyAccessLayers("Codec", "Config", "Api")
        .whereLayer("Codec").mayOnlyAccessLayers("Api")
        .whereLayer("Telemetry").mayOnlyAccessLayers("Api")
        .whereLayer("Config").mayOnlyAccessLayers("Api")
        .whereLayer("Api").mayNotAccessAnyLayer()
        .check(runtime);
  }

  @Test
  void theBackendAndTopologySpisKnowNoneOfTheirImplementations() {
    noClasses().that().resideInAPackage("dev.vela.backend")
        .should().dependOnClassesThat().resideInAPackage("dev.vela.backend.*..")
        .check(runtime);
    noClasses().that().resideInAPackage("dev.vela.topology")
        .should().dependOnClassesThat().resideInAPackage("dev.vela.topology.*..")
        .check(runtime);
  }

  @Test
  void backendsAndTopologiesDoNotUseEachOther() {
    String[] backends = {"disk", "memory", "redis"};
    for (String backend : backends) {
      for (String other : backends) {
        if (!other.equals(backend)) {
          noClasses().that().resideInAPackage("dev.vela.backend." + backend + "..")
              .should().dependOnClassesThat().resideInAPackage("dev.vela.backend." + other + "..")
              .check(runtime);
        }
      }
    }
    noClasses().that().resideInAPackage("dev.vela.topology.partitioned..")
        .should().dependOnClassesThat().resideInAPackage("dev.vela.topology.replicated..")
        .check(runtime);
    noClasses().that().resideInAPackage("dev.vela.topology.replicated..")
        .should().dependOnClassesThat().resideInAPackage("dev.vela.topology.partitioned..")
        .check(runtime);
  }

  @Test
  void noPackagesDependOnEachOtherInACycle() {
    SlicesRuleDefinition.slices().assignedFrom(new ByPackage()).should().beFreeOfCycles().check(runtime);
  }

  /** One slice per package, the public face's package included, and the builder as a slice of its own. */
  private static final class ByPackage implements SliceAssignment {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String slice = BUILDER.test(javaClass) ? javaClass.getName() : javaClass.getPackageName();
      return SliceIdentifier.of(slice);
    }

    @Override
    public String getDescription() {
      return "packages of the runtime";
    }
  }
}
