package dev.muster.secret;

import java.util.Arrays;

/**
 * The parts of one text that are secret, as merged, sorted half-open ranges {@code [start, end)};
 * ranges that overlap or touch become one. Adding is amortised constant time when ranges arrive in
 * order of their ends, as matches do. Not thread-safe; one per redaction.
 */
final class MaskedRanges {
    private int[] starts = new int[4];
    private int[] ends = new int[4];
    private int count;

    void add(int start, int end) {
        if (start >= end) {
            return;
        }
        int at = count;
        while (at > 0 && starts[at - 1] > start) {
            at--;
        }
        int lo = at;
        if (lo > 0 && ends[lo - 1] >= start) {
            lo--;
            start = starts[lo];
            end = Math.max(end, ends[lo]);
        }
        int hi = at;
        while (hi < count && starts[hi] <= end) {
            end = Math.max(end, ends[hi]);
            hi++;
        }
        replace(lo, hi, start, end);
    }

    /** Replaces ranges {@code [lo, hi)} (possibly none) by one. */
    private void replace(int lo, int hi, int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        int shift = 1 - (hi - lo);
        System.arraycopy(starts, hi, starts, hi + shift, count - hi);
        System.arraycopy(ends, hi, ends, hi + shift, count - hi);
        starts[lo] = start;
        ends[lo] = end;
        count += shift;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The end of the last range, or 0 when there is none. */
    int lastEnd() {
        return count == 0 ? 0 : ends[count - 1];
    }

    /** {@code text[0, cut)} with every range (clipped at {@code cut}) replaced by {@code mask}. */
    String render(String text, int cut, String mask) {
        StringBuilder out = new StringBuilder(cut + mask.length());
        int at = 0;
        for (int i = 0; i < count && starts[i] < cut; i++) {
            out.append(text, at, starts[i]).append(mask);
            at = Math.min(ends[i], cut);
        }
        return out.append(text, at, cut).toString();
    }
}
