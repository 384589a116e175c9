<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer\Support;

/** Parts every OpenDocument package needs: the stored mimetype first, the manifest, the metadata. */
final class Odf {
	public const NAMESPACES = [
		'office' => 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
		'style' => 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
		'text' => 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
		'table' => 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
		'draw' => 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
		'fo' => 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
		'xlink' => 'http://www.w3.org/1999/xlink',
		'dc' => 'http://purl.org/dc/elements/1.1/',
		'meta' => 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0',
		'svg' => 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
		'config' => 'urn:oasis:names:tc:opendocument:xmlns:config:1.0',
		'loext' => 'urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0',
	];

	/** The namespace declarations for a root element, as attributes. */
	public static function xmlns(): string {
		$attributes = '';
		foreach (self::NAMESPACES as $prefix => $uri) {
			$attributes .= ' xmlns:' . $prefix . '="' . $uri . '"';
		}
		return $attributes . ' office:version="1.3"';
	}

	/** "mimetype" must be the first entry and stored uncompressed. */
	public static function start(ZipPackage $zip, string $mimeType): void {
		$zip->addString('mimetype', $mimeType, true);
	}

	/**
	 * The manifest and the metadata.
	 *
	 * @param array<string, string> $files further parts (path => media type), e.g. pictures
	 */
	public static function finish(ZipPackage $zip, string $mimeType, string $title, string $language, array $files): void {
		$manifest = '<?xml version="1.0" encoding="UTF-8"?>'
			. '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
			. '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="' . $mimeType . '"/>';
		foreach (['content.xml', 'styles.xml', 'meta.xml'] as $part) {
			$manifest .= '<manifest:file-entry manifest:full-path="' . $part . '" manifest:media-type="text/xml"/>';
		}
		foreach ($files as $path => $type) {
			$manifest .= '<manifest:file-entry manifest:full-path="' . self::attr($path) . '" manifest:media-type="' . self::attr($type) . '"/>';
		}
		$zip->addString('META-INF/manifest.xml', $manifest . '</manifest:manifest>');
		$zip->addString('meta.xml', '<?xml version="1.0" encoding="UTF-8"?>'
			. '<office:document-meta' . self::xmlns() . '><office:meta>'
			. '<meta:generator>Pilot Feedback</meta:generator>'
			. '<dc:title>' . self::attr($title) . '</dc:title>'
			. '<dc:language>' . self::attr($language) . '</dc:language>'
			. '<meta:creation-date>' . gmdate('Y-m-d\TH:i:s') . '</meta:creation-date>'
			. '</office:meta></office:document-meta>');
	}

	/** Escapes text for an attribute or element content. */
	public static function attr(string $text): string {
		return htmlspecialchars(Text::xml($text), ENT_XML1 | ENT_QUOTES, 'UTF-8');
	}
}
