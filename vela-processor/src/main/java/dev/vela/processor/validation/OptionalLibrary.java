package dev.vela.processor.validation;

import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import java.util.Optional;
import javax.lang.model.util.Elements;

/** A library that a backend or topology needs and a memory-only user does not, with the coordinates to add it. */
enum OptionalLibrary {
  MAPDB("org.mapdb.DB", "org.mapdb:mapdb:3.1.0"),
  LETTUCE("io.lettuce.core.RedisClient", "io.lettuce:lettuce-core:6.8.2.RELEASE"),
  JGROUPS("org.jgroups.JChannel", "org.jgroups:jgroups:5.5.7.Final");

  private final String probeClass;
  private final String coordinates;

  OptionalLibrary(String probeClass, String coordinates) {
    this.probeClass = probeClass;
    this.coordinates = coordinates;
  }

  /** The library {@code backend} needs, if any. */
  static Optional<OptionalLibrary> of(Backend backend) {
    return switch (backend) {
      case MEMORY -> Optional.empty();
      case DISK -> Optional.of(MAPDB);
      case REDIS -> Optional.of(LETTUCE);
    };
  }

  /** The library {@code topology} needs, if any. */
  static Optional<OptionalLibrary> of(Topology topology) {
    return switch (topology) {
      case LOCAL -> Optional.empty();
      case REPLICATED, PARTITIONED -> Optional.of(JGROUPS);
    };
  }

  /** A class of the library, looked for on the compile class path. */
  String probeClass() {
    return probeClass;
  }

  /** The Maven coordinates to add, as group:artifact:version. */
  String coordinates() {
    return coordinates;
  }

  /** True when the library's classes are on the class path of this compilation. */
  boolean isPresent(Elements elements) {
    return elements.getTypeElement(probeClass) != null;
  }
}
