package dev.jprov.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Ansible's {@code product} filter, Python's itertools.product: {@code a | product(b, c, repeat=1)} is the list of
 * tuples taking one item from each input, the rightmost input varying fastest. Fails past the collection limit
 * instead of building a huge list.
 */
final class ProductFilter {
    private ProductFilter() {}

    static AnsibleFilter filter() {
        return new AnsibleFilter("product", false, ProductFilter::product);
    }

    private static Object product(Object value, FilterArgs args) {
        List<List<Object>> pools = new ArrayList<>();
        pools.add(CollectionFilters.items(value));
        for (Object o : args.positional()) pools.add(CollectionFilters.items(o));
        int repeat = args.integer(-1, "repeat", 1);
        if (repeat < 0) throw RenderSession.failure("repeat argument cannot be negative");
        List<List<Object>> all = new ArrayList<>();
        for (int r = 0; r < repeat; r++) all.addAll(pools);
        RenderSession session = RenderSession.current();
        int limit = session == null ? RenderLimits.DEFAULT.maxCollectionSize() : session.limits().maxCollectionSize();
        long count = 1;
        for (List<Object> p : all) {
            count *= p.size();
            if (count > limit) throw RenderSession.failure("product() of more than " + limit + " items is over the limit");
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[0]);
        for (List<Object> pool : all) {
            List<Object[]> next = new ArrayList<>();
            for (Object[] row : rows) {
                for (Object item : pool) {
                    Object[] longer = java.util.Arrays.copyOf(row, row.length + 1);
                    longer[row.length] = item;
                    next.add(longer);
                }
            }
            rows = next;
        }
        List<Object> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) out.add(new PythonTuple(row));
        return out;
    }
}
