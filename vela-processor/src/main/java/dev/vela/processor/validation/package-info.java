/**
 * Checks {@code @VelaCache} interfaces, collecting every problem as a {@link
 * dev.vela.processor.diagnostic.Problem} placed on the element, annotation and attribute value it
 * is about; message texts live in {@link dev.vela.processor.diagnostic.Message}.
 */
package dev.vela.processor.validation;
