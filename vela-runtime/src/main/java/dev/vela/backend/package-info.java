/**
 * The backend SPI: where a cache's entries live. A backend stores typed entries with an absolute
 * expiry time and tags, keeps its own tag index, and tells a {@link dev.vela.backend.RemovalListener}
 * about entries it removes on its own (expired or evicted). The memory backend implements it with
 * objects; byte-storing backends wrap the cache's codecs inside themselves, so the SPI stays typed.
 */
package dev.vela.backend;
