/**
 * Not jprov: a fixture for ArchitectureTest, in the shape of jprov's packages, with arrows the table forbids.
 * modules uses facts (allowed); facts uses modules back (forbidden, and a cycle); inventory uses transport
 * (forbidden, no cycle); report uses picocli (a library only cli may use).
 */
package dev.jprov.archfixture;
