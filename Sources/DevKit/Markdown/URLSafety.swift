/// The URL schemes that safe rendering drops, as libcmark's safe mode does.
enum URLSafety {
    /// True for `javascript:`, `vbscript:`, `file:` and (but for images of common types) `data:` URLs.
    static func isDangerous(_ url: String, isImage: Bool) -> Bool {
        let lowered = url.drop(while: { $0 == " " || $0 == "\t" }).prefix(32).lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("file:") {
            return true
        }
        if lowered.hasPrefix("data:") {
            let safeImage = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !(isImage && safeImage.contains { lowered.hasPrefix($0) })
        }
        return false
    }
}
