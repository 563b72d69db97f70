package dev.vela.processor.validation;

import dev.vela.processor.diagnostic.Message;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.config.OptionCatalog;
import dev.vela.config.RedisUrls;
import dev.vela.processor.model.OptionSetting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.util.Elements;

/**
 * Checks {@code backendOpts} and {@code topologyOpts} against the option catalogue: unknown names
 * (with the nearest known one), options in the wrong list, duplicates, bad values, and options a
 * backend requires.
 */
final class OptionsCheck {
  private static final Map<Backend, String> REQUIRED = Map.of(Backend.DISK, "dataDir");
  private static final Map<String, String> REQUIRED_EXAMPLE = Map.of("dataDir", "/var/cache/myapp");

  private final Elements elements;
  private final Backend backend;
  private final Topology topology;

  OptionsCheck(Elements elements, Backend backend, Topology topology) {
    this.elements = elements;
    this.backend = backend;
    this.topology = topology;
  }

  /** The valid options of {@code kind}, in declaration order; problems for the others. */
  List<OptionSetting> read(VelaCacheAttributes attributes, OptionCatalog.Kind kind, ProblemList problems) {
    List<OptionSetting> options = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    VelaCacheAttributes clusterNodes = null; // the one option that excludes another (url)
    for (AnnotationValue item : attributes.list(kind.attribute())) {
      VelaCacheAttributes option = VelaCacheAttributes.of((AnnotationMirror) item.getValue(), elements);
      String name = option.string(VelaCacheAttributes.NAME);
      String value = option.string(VelaCacheAttributes.OPTION_VALUE);
      AnnotationValue nameAt = option.at(VelaCacheAttributes.NAME);
      if (!seen.add(name)) {
        problems.add(Message.DUPLICATE_OPTION, nameAt, name, kind.attribute());
      } else if (!namesFor(kind).contains(name)) {
        reportUnknown(name, kind, nameAt, problems);
      } else {
        Optional<String> valueProblem = OptionValueCheck.problem(name, value);
        valueProblem.ifPresent(why -> problems.add(Message.BAD_OPTION_VALUE, option.at(VelaCacheAttributes.OPTION_VALUE), name, value, why));
        if (valueProblem.isEmpty()) {
          options.add(new OptionSetting(name, value));
        }
        if (name.equals(OptionCatalog.CLUSTER_NODES.optionName())) {
          clusterNodes = option;
        }
      }
    }
    if (clusterNodes != null && seen.contains(OptionCatalog.URL.optionName())) {
      problems.add(Message.BAD_OPTION_VALUE, clusterNodes.at(VelaCacheAttributes.OPTION_VALUE),
          OptionCatalog.CLUSTER_NODES.optionName(), clusterNodes.string(VelaCacheAttributes.OPTION_VALUE),
          RedisUrls.BOTH);
    }
    if (kind == OptionCatalog.Kind.BACKEND) {
      String required = REQUIRED.get(backend);
      if (required != null && !seen.contains(required)) {
        problems.add(Message.MISSING_REQUIRED_OPTION, attributes.at(VelaCacheAttributes.BACKEND),
            backend, required, kind.attribute(), required, REQUIRED_EXAMPLE.get(required));
      }
    }
    return options;
  }

  private void reportUnknown(String name, OptionCatalog.Kind kind, AnnotationValue at, ProblemList problems) {
    OptionCatalog.Kind other = otherKind(kind);
    if (namesFor(other).contains(name)) {
      problems.add(Message.OPTION_IN_WRONG_PLACE, at, name, owner(other), owner(kind), other.attribute());
    } else {
      problems.add(Message.UNKNOWN_OPTION, at, owner(kind), name, hint(name, kind));
    }
  }

  /** What to say after "has no option 'x'": where the option does apply, the nearest name, or the known names. */
  private String hint(String name, OptionCatalog.Kind kind) {
    Optional<OptionCatalog> elsewhere = OptionCatalog.find(kind, name);
    if (elsewhere.isPresent()) {
      return "; it is an option of " + whereApplies(elsewhere.get());
    }
    List<String> known = namesFor(kind);
    Optional<String> nearest = OptionCatalog.nearest(name, known);
    if (nearest.isPresent()) {
      return "; did you mean '" + nearest.get() + "'?";
    }
    OptionCatalog.Kind other = otherKind(kind);
    Optional<String> nearestElsewhere = OptionCatalog.nearest(name, namesFor(other));
    if (nearestElsewhere.isPresent()) {
      return "; did you mean '" + nearestElsewhere.get() + "' in " + other.attribute() + "?";
    }
    return known.isEmpty() ? "; it takes no options" : "; known options: " + String.join(", ", known);
  }

  /** Where {@code option} applies, as "backend DISK" or "topology REPLICATED or PARTITIONED". */
  private String whereApplies(OptionCatalog option) {
    if (option.kind() == OptionCatalog.Kind.BACKEND) {
      return "backend " + Arrays.stream(Backend.values())
          .filter(candidate -> option.appliesTo(candidate, topology))
          .map(Enum::name)
          .collect(Collectors.joining(" or "));
    }
    return "topology " + Arrays.stream(Topology.values())
        .filter(candidate -> option.appliesTo(backend, candidate))
        .map(Enum::name)
        .collect(Collectors.joining(" or "));
  }

  private static OptionCatalog.Kind otherKind(OptionCatalog.Kind kind) {
    return kind == OptionCatalog.Kind.BACKEND ? OptionCatalog.Kind.TOPOLOGY : OptionCatalog.Kind.BACKEND;
  }

  private List<String> namesFor(OptionCatalog.Kind kind) {
    return OptionCatalog.namesFor(kind, backend, topology);
  }

  private String owner(OptionCatalog.Kind kind) {
    return kind == OptionCatalog.Kind.BACKEND ? "backend " + backend : "topology " + topology;
  }
}
