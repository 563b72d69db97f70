package dev.vela.annotation;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One named setting of a backend or topology, as in {@code backendOpts = @Option(name = "url",
 * value = "redis://localhost:6379")}.
 *
 * <p>The value may hold {@code ${NAME}} or {@code ${NAME:default}} placeholders; each is resolved
 * when the cache starts, first from the system property {@code NAME}, then from the environment
 * variable {@code NAME}, then from the default after the colon.
 */
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Option {
  /** The option's name; the processor rejects names the backend or topology does not know. */
  String name();

  /** The option's value, possibly with {@code ${NAME:default}} placeholders. */
  String value();
}
