package dev.vela.processor.diagnostic;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every message the processor prints, in one place, each with its kind. A message says what is
 * wrong and how to fix it; its arguments fill the {@code %s} places in order.
 */
public enum Message {
  // the annotated element
  NOT_AN_INTERFACE(Diagnostic.Kind.ERROR,
      "@VelaCache belongs on an interface, but %s is %s; declare an interface that extends dev.vela.Cache<K, V>"),
  NOT_A_CACHE(Diagnostic.Kind.ERROR,
      "%s must extend dev.vela.Cache<K, V>; add, for example, 'extends Cache<String, User>'"),
  TYPE_ARGUMENT_NOT_CONCRETE(Diagnostic.Kind.ERROR,
      "the %s type of %s is %s, but it must be a concrete type (not a type variable, wildcard or raw type);"
          + " write, for example, Cache<String, User>"),
  PRIMITIVE_TYPE_ARGUMENT(Diagnostic.Kind.ERROR,
      "the %s type of %s is %s; use its box %s"),
  GENERIC_INTERFACE(Diagnostic.Kind.ERROR,
      "%s declares the type parameters %s, but the generated class must fix every type; remove them"),
  ARRAY_KEY(Diagnostic.Kind.ERROR,
      "the key type of %s is the array %s, whose equals and hashCode compare identity, so no lookup would"
          + " find an entry; use a String, a List or a record instead"),
  NESTED_NOT_STATIC(Diagnostic.Kind.ERROR,
      "%s is declared inside %s, where the generated class cannot name it; declare it at the top level or as a"
          + " member of a class"),
  SEALED_INTERFACE(Diagnostic.Kind.ERROR,
      "%s is sealed, so the generated class, which implements it, is not permitted to; remove 'sealed' and 'permits'"),
  NOT_ACCESSIBLE(Diagnostic.Kind.ERROR,
      "%s is private; the generated class lives in the same package and needs at least package access"),
  UNIMPLEMENTABLE_METHOD(Diagnostic.Kind.ERROR,
      "%s is abstract and not a method of dev.vela.Cache, so the generated class cannot implement it;"
          + " make it a default method, or remove it"),
  NARROWED_RETURN_TYPE(Diagnostic.Kind.ERROR,
      "%s redeclares a method of dev.vela.Cache with the return type %s, but the generated class returns %s;"
          + " keep the return type of dev.vela.Cache, or make it a default method"),
  UNRESOLVED_TYPE(Diagnostic.Kind.ERROR,
      "%s uses %s, which is still unknown at the end of compilation; check its name and imports, or the"
          + " processor that should generate it"),

  // attribute values
  /** The reason is dev.vela.config.CacheNameRule's, shared with the builder. */
  BAD_NAME(Diagnostic.Kind.ERROR, "name \"%s\" %s; leave it out to use the interface's simple name"),
  DUPLICATE_NAME(Diagnostic.Kind.ERROR,
      "two caches are named '%s' (%s and %s); give one of them another name with name = \"...\""),
  BAD_DURATION(Diagnostic.Kind.ERROR, "%s: %s"),
  NON_POSITIVE_DURATION(Diagnostic.Kind.ERROR,
      "%s must be positive, but \"%s\" is %s; use a positive duration such as \"30s\""),
  INFINITE_NOT_ALLOWED(Diagnostic.Kind.ERROR,
      "%s cannot be \"infinity\", %s; use a finite duration such as \"%s\""),
  /** A broken rule of size, weight and eviction; the text is dev.vela.config.EvictionRules', shared with the builder. */
  EVICTION_LIMIT(Diagnostic.Kind.ERROR, "%s"),
  BAD_WEIGHER(Diagnostic.Kind.ERROR,
      "weigher %s %s; name a public class implementing dev.vela.Weigher with a public no-argument constructor"),
  WEIGHER_TYPES(Diagnostic.Kind.ERROR,
      "weigher %s implements Weigher<%s, %s>, which cannot weigh the entries of %s, a Cache<%s, %s>;"
          + " make it a Weigher of the cache's key and value types, or of supertypes of them"),
  BAD_TELEMETRY_PREFIX(Diagnostic.Kind.ERROR,
      "telemetryPrefix part \"%s\" is not a valid meter name part;"
          + " start with a letter and use only letters, digits and _"),

  // options
  UNKNOWN_OPTION(Diagnostic.Kind.ERROR, "%s has no option '%s'%s"),
  OPTION_IN_WRONG_PLACE(Diagnostic.Kind.ERROR,
      "'%s' is an option of %s, not of %s; move it to %s"),
  DUPLICATE_OPTION(Diagnostic.Kind.ERROR, "option '%s' is given twice in %s; keep one"),
  MISSING_REQUIRED_OPTION(Diagnostic.Kind.ERROR,
      "backend %s needs the option '%s'; add %s = @Option(name = \"%s\", value = \"%s\")"),
  /** The reason is the option catalogue's (dev.vela.config.OptionCatalog), shared with the runtime. */
  BAD_OPTION_VALUE(Diagnostic.Kind.ERROR, "option '%s' has value \"%s\", which %s"),
  /** The reason is dev.vela.config.OptionConflicts', shared with the runtime. */
  CONFLICTING_OPTIONS(Diagnostic.Kind.ERROR, "option '%s', which %s"),

  // optional libraries and codecs
  MISSING_LIBRARY(Diagnostic.Kind.ERROR,
      "%s needs %s on the class path, and it is not there; add the dependency %s"),
  NO_CODEC(Diagnostic.Kind.ERROR,
      "the %s type %s has no codec, and %s needs one: %s is not supported; annotate that type with"
          + " @VelaCodec(YourCodec.class), put @VelaCodec on this interface for a type you do not own, or use"
          + " records, enums, sealed interfaces of records and the supported JDK types"),
  BAD_USER_CODEC(Diagnostic.Kind.ERROR,
      "@VelaCodec names %s, which %s; a codec is a public class with a public no-argument constructor"
          + " that implements dev.vela.codec.Codec<T>"),
  CONFLICTING_USER_CODECS(Diagnostic.Kind.ERROR,
      "%s has two codecs, %s and %s; keep one @VelaCodec for it"),

  // writing
  WRITE_FAILED(Diagnostic.Kind.ERROR,
      "could not write %s: %s; another type with that name may exist,"
          + " so rename the interface or remove the other type"),

  // settings that do nothing
  USELESS_NEAR_CACHE(Diagnostic.Kind.WARNING,
      "nearCache = true does nothing in front of a LOCAL MEMORY cache, whose entries are already on this"
          + " heap; remove it, or choose another backend or topology"),

  // codec planning, across caches
  CODEC_DIFFERS_BETWEEN_CACHES(Diagnostic.Kind.ERROR,
      "%s gets one generated codec class that every cache shares, but %s would encode its part '%s' with other"
          + " codecs than %s does, because their @VelaCodec annotations differ; give both interfaces the same"
          + " @VelaCodec annotations, or put @VelaCodec on the type it is about");

  private final Diagnostic.Kind kind;
  private final String format;

  Message(Diagnostic.Kind kind, String format) {
    this.kind = kind;
    this.format = format;
  }

  /** Whether this message is an error or a warning. */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The message with its places filled. */
  public String format(Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
