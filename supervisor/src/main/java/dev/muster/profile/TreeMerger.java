package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Merges profile trees in order: maps merge key by key, lists and scalars replace, and a
 * {@code null} value replaces too (so an overlay can clear a key). Each merged path keeps the
 * location of the file that defined it last.
 */
final class TreeMerger {

    /** Merges {@code documents} (at least one), later ones over earlier ones; the inputs are not changed. */
    YamlDocument merge(List<YamlDocument> documents) {
        YamlDocument first = documents.get(0);
        LocationIndex index = new LocationIndex(first.locations().locate("").file());
        index.replaceSubtree("", first.locations());
        ObjectNode root = first.root().deepCopy();
        for (YamlDocument overlay : documents.subList(1, documents.size())) {
            index.replaceEntry("", overlay.locations());
            mergeInto(root, overlay.root(), "", index, overlay.locations());
        }
        return new YamlDocument(root, index);
    }

    private void mergeInto(ObjectNode base, ObjectNode overlay, String path, LocationIndex index,
            LocationIndex overlayIndex) {
        for (Map.Entry<String, JsonNode> entry : overlay.properties()) {
            String child = LocationIndex.child(path, entry.getKey());
            JsonNode existing = base.get(entry.getKey());
            if (existing instanceof ObjectNode baseMap && entry.getValue() instanceof ObjectNode overlayMap) {
                index.replaceEntry(child, overlayIndex);
                mergeInto(baseMap, overlayMap, child, index, overlayIndex);
            } else {
                base.set(entry.getKey(), entry.getValue().deepCopy());
                index.replaceSubtree(child, overlayIndex);
            }
        }
    }
}
