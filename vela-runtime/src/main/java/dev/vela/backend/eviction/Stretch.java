package dev.vela.backend.eviction;

/**
 * The stretch of a {@link NodeList}'s tail a node was last made last in: the nodes of one stretch
 * name the same instance as their {@link Linked#orderList()}, so telling a recent node costs one
 * comparison and no field in the node. Compared by identity only.
 */
final class Stretch {
  final NodeList<?> list;

  Stretch(NodeList<?> list) {
    this.list = list;
  }
}
