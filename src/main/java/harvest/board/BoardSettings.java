package harvest.board;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The board's map background. Without a tile URL the map draws outlines on a plain background, which is how it
 * runs on a bureau network with no map service; with one (for example Tianditu with the bureau's key) it loads
 * tiles from there, and only from there (the page's content security policy names that host).
 */
@ConfigurationProperties("harvest.board")
public interface BoardSettings {
    /** A Leaflet tile template, e.g. {@code https://t{s}.tianditu.gov.cn/vec_w/wmts?...&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY}. */
    @Nullable
    String getTileUrl();

    /** The map's credit line, shown in its corner. */
    @Nullable
    String getTileAttribution();

    /** The letters or digits that replace {s} in the template, one per tile server. */
    @Bindable(defaultValue = "abc")
    String getTileSubdomains();
}
