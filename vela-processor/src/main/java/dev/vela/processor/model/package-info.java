/** Valid caches as records: the interface, its key and value types, and every attribute parsed. */
package dev.vela.processor.model;
