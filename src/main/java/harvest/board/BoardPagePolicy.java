package harvest.board;

import harvest.system.web.PagePolicy;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The board runs only its own scripts (and the libraries it serves itself); its map and charts set styles inline,
 * and its map may load tiles from the one configured tile server.
 */
@Singleton
class BoardPagePolicy implements PagePolicy {
    private final String policy;

    BoardPagePolicy(BoardSettings settings) {
        this.policy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:" + tileOrigin(settings.getTileUrl())
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    public List<String> roots() {
        return List.of("/board", "/board-lib");
    }

    @Override
    public String contentSecurityPolicy() {
        return policy;
    }

    /** " https://*.tianditu.gov.cn" for a template on t{s}.tianditu.gov.cn (a port kept); nothing without a template. */
    private static String tileOrigin(@Nullable String template) {
        if (template == null || template.isBlank()) {
            return "";
        }
        int schemeEnd = template.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("harvest.board.tile-url must be an http(s) URL template: " + template);
        }
        String host = template.substring(schemeEnd + 3).split("[/?]", 2)[0];
        if (host.contains("{s}") && !host.split("\\.", 2)[0].contains("{s}")) {
            throw new IllegalArgumentException("harvest.board.tile-url may put {s} in the first part of its host only: " + template);
        }
        return " " + template.substring(0, schemeEnd) + "://" + (host.contains("{s}") ? "*" + host.substring(host.indexOf('.')) : host);
    }
}
