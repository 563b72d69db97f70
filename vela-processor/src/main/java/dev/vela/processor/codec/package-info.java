/**
 * Codec planning and generation: for each key and value type of a cache, a Java expression that
 * builds its {@code dev.vela.codec.Codec}, and the codec classes those expressions need.
 *
 * <p>{@link dev.vela.processor.codec.CodecPlanner} is the entry point; it returns a {@link
 * dev.vela.processor.codec.CodecPlan}, either supported with an expression or unsupported with
 * the first part of the type that has no codec.
 *
 * <h2>Supported types</h2>
 *
 * <ul>
 *   <li>Primitives and their boxes (one codec for both), {@code String}, {@code UUID}, {@code
 *       BigDecimal}, {@code BigInteger}, {@code Instant}, {@code Duration}, {@code LocalDate},
 *       {@code LocalTime}, {@code LocalDateTime}, {@code OffsetDateTime}, {@code ZonedDateTime},
 *       {@code ZoneId}, and {@code byte[]}.
 *   <li>{@code List}, {@code Set}, {@code Optional} and {@code Map} of supported types, declared as
 *       those interfaces with concrete type arguments. {@code Collection}, {@code Iterable} and
 *       concrete collection classes are not supported: decoding must pick the type to build, and
 *       only these four say what it is. Elements, keys and values may be null.
 *   <li>Enums, by constant name (adding or reordering constants keeps stored bytes readable).
 *   <li>Records whose components are supported, nested or recursive ones too: one generated
 *       class {@code VelaCodec_<Record>} in the record's package. Components that are not
 *       primitive may be null. Generic records are not supported in this version (one class per
 *       record cannot serve every parameterization); name a codec with {@code @VelaCodec} instead.
 *   <li>Sealed interfaces whose permitted subtypes all have codecs (records, enums, or sealed
 *       interfaces again): one generated class {@code VelaCodec_<Interface>} that writes the
 *       subtype's binary name without its package as a tag. Sealed classes are not supported.
 *   <li>Any type named by {@code @VelaCodec}, on the type itself or on the cache interface; such a
 *       codec wins over every rule above, and one declared on the interface applies to its key and
 *       value types and everything inside them.
 * </ul>
 *
 * <p>Not supported: other classes and interfaces, arrays other than {@code byte[]}, type
 * variables, wildcards, raw types, and types that generated code cannot name (private nested
 * types, for example).
 */
package dev.vela.processor.codec;
