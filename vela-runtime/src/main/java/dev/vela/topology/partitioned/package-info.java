/**
 * The PARTITIONED topology: each key lives on one node, its owner on the consistent-hash ring of
 * the cluster's members that run the cache. Key operations run on the owner, here or by a call;
 * cache-wide ones add up the answers of every node that runs the cache. When members join or leave
 * gracefully, keys move to their new owners with their remaining time to live and tags; until a key
 * has moved, its old owner still answers for it. Owners version every write, so backups and new
 * owners keep the newest copy whatever order copies arrive in; transactions lock their keys on the
 * owner. The messages between nodes, each with its encoder beside its decoder, are gathered in
 * {@code Protocol}.
 */
package dev.vela.topology.partitioned;
