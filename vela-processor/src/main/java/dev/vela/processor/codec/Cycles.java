package dev.vela.processor.codec;

import com.palantir.javapoet.ClassName;
import dev.vela.processor.codec.CodecNode.Container;
import dev.vela.processor.codec.CodecNode.Generated;
import dev.vela.processor.codec.CodecNode.MapOf;
import dev.vela.processor.codec.CodecNode.Nullable;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the parts of a generated codec that lead back to it through other generated codecs (a tree
 * record holding a list of trees; two records holding each other). Their codecs must be created
 * lazily: were they static fields of the class, initializing one class would initialize the other
 * and back, and two threads starting from either end would wait for each other forever.
 */
final class Cycles {
  private final CodecRegistry registry;

  Cycles(CodecRegistry registry) {
    this.registry = registry;
  }

  /** Whether {@code part}, a part of the codec class {@code host}, refers back to {@code host}. */
  boolean leadsBack(CodecNode part, ClassName host) {
    ArrayDeque<ClassName> toVisit = new ArrayDeque<>();
    collectReferences(part, toVisit);
    Set<ClassName> visited = new HashSet<>();
    while (!toVisit.isEmpty()) {
      ClassName next = toVisit.poll();
      if (next.equals(host)) {
        return true;
      }
      if (visited.add(next)) {
        for (CodecNode nested : registry.get(next).parts()) {
          collectReferences(nested, toVisit);
        }
      }
    }
    return false;
  }

  private static void collectReferences(CodecNode node, ArrayDeque<ClassName> into) {
    if (node instanceof Generated generated) {
      into.add(generated.codecClass());
    } else if (node instanceof Nullable nullable) {
      collectReferences(nullable.inner(), into);
    } else if (node instanceof Container container) {
      collectReferences(container.element(), into);
    } else if (node instanceof MapOf map) {
      collectReferences(map.key(), into);
      collectReferences(map.value(), into);
    }
  }
}
