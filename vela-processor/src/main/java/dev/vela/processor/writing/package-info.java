/**
 * Writes generated classes with JavaPoet; {@link dev.vela.processor.writing.GeneratedNames} decides
 * their names and {@link dev.vela.processor.writing.SourceFileGenerator} what every file carries.
 */
package dev.vela.processor.writing;
