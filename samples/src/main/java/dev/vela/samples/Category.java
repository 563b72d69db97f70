package dev.vela.samples;

/** A product's shelf. */
public enum Category {
  BOOKS,
  GAMES,
  TOOLS
}
