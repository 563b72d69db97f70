/**
 * The Vela annotation processor: each {@code @VelaCache} interface is validated ({@code
 * validation}), turned into a model of records ({@code model}) only when valid, and written as
 * {@code Vela<Name>} ({@code writing}); codecs for its key and value types are planned and written
 * by {@code codec}.
 */
package dev.vela.processor;
