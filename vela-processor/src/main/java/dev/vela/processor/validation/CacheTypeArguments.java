package dev.vela.processor.validation;

import javax.lang.model.type.TypeMirror;

/**
 * The {@code K} and {@code V} an interface gives {@code dev.vela.Cache}.
 *
 * @param key the key type
 * @param value the value type
 */
record CacheTypeArguments(TypeMirror key, TypeMirror value) {}
