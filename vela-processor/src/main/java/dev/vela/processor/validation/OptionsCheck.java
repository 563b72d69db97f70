package dev.vela.processor.validation;

import dev.vela.processor.diagnostic.CacheReport;
import dev.vela.processor.diagnostic.Message;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.config.OptionCatalog;
import dev.vela.config.OptionConflicts;
import dev.vela.processor.model.OptionSetting;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.util.Elements;

/**
 * Checks {@code backendOpts} and {@code topologyOpts} against the option catalogue: unknown names
 * (with the nearest known one), options in the wrong list, duplicates, values, options that do not
 * go together, and options a backend requires. Every rule is the catalogue's, which the runtime
 * applies too; only the places to print on are this class's.
 */
final class OptionsCheck {
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
  List<OptionSetting> read(VelaCacheAttributes attributes, OptionCatalog.Kind kind, CacheReport problems) {
    List<OptionSetting> options = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<OptionCatalog, VelaCacheAttributes> known = new EnumMap<>(OptionCatalog.class);
    for (AnnotationValue item : attributes.list(kind.attribute())) {
      VelaCacheAttributes option = VelaCacheAttributes.of((AnnotationMirror) item.getValue(), elements);
      String name = option.string(VelaCacheAttributes.NAME);
      String value = option.string(VelaCacheAttributes.OPTION_VALUE);
      AnnotationValue nameAt = option.at(VelaCacheAttributes.NAME);
      Optional<OptionCatalog> entry = OptionCatalog.find(kind, name).filter(o -> o.appliesTo(backend, topology));
      if (!seen.add(name)) {
        problems.add(Message.DUPLICATE_OPTION, nameAt, name, kind.attribute());
      } else if (entry.isEmpty()) {
        reportUnknown(name, kind, nameAt, problems);
      } else {
        known.put(entry.get(), option);
        Optional<String> valueProblem = entry.get().writtenProblem(value);
        valueProblem.ifPresent(why ->
            problems.add(Message.BAD_OPTION_VALUE, option.at(VelaCacheAttributes.OPTION_VALUE), name,
                entry.get().shown(value), why));
        if (valueProblem.isEmpty()) {
          options.add(new OptionSetting(name, value));
        }
      }
    }
    OptionConflicts.find(option -> OptionConflicts.written(option, valueOf(known.get(option)))).forEach(conflict ->
        problems.add(Message.CONFLICTING_OPTIONS, known.get(conflict.option()).at(VelaCacheAttributes.OPTION_VALUE),
            conflict.option().optionName(), conflict.problem()));
    for (OptionCatalog required : OptionCatalog.requiredFor(backend, topology)) {
      if (required.kind() == kind && !known.containsKey(required)) {
        problems.add(Message.MISSING_REQUIRED_OPTION, attributes.at(VelaCacheAttributes.BACKEND), backend,
            required.optionName(), kind.attribute(), required.optionName(),
            REQUIRED_EXAMPLE.getOrDefault(required.optionName(), "..."));
      }
    }
    return options;
  }

  private static String valueOf(VelaCacheAttributes option) {
    return option == null ? null : option.string(VelaCacheAttributes.OPTION_VALUE);
  }

  private void reportUnknown(String name, OptionCatalog.Kind kind, AnnotationValue at, CacheReport problems) {
    OptionCatalog.Kind other = kind == OptionCatalog.Kind.BACKEND ? OptionCatalog.Kind.TOPOLOGY : OptionCatalog.Kind.BACKEND;
    if (OptionCatalog.namesFor(other, backend, topology).contains(name)) {
      problems.add(Message.OPTION_IN_WRONG_PLACE, at, name, owner(other), owner(kind), other.attribute());
    } else {
      problems.add(Message.UNKNOWN_OPTION, at, owner(kind), name, OptionCatalog.unknownHint(name, kind, backend, topology));
    }
  }

  private String owner(OptionCatalog.Kind kind) {
    return kind == OptionCatalog.Kind.BACKEND ? "backend " + backend : "topology " + topology;
  }
}
