/**
 * What the processor tells the user: the {@link dev.vela.processor.diagnostic.Message} catalogue
 * of every text, the {@link dev.vela.processor.diagnostic.Problem} that places one on an element,
 * annotation and value, and the {@link dev.vela.processor.diagnostic.Reporter} that prints them.
 */
package dev.vela.processor.diagnostic;
