<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer\Support;

/** Parts shared by the Office Open XML writers (DOCX, XLSX). */
final class Ooxml {
	public const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

	/**
	 * A relationships part; ids are rId1, rId2, … in the given order.
	 *
	 * @param list<array{0: string, 1: string}> $targets relationship type (last path segment) and target
	 */
	public static function relationships(array $targets): string {
		$xml = self::XML_HEADER . '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
		foreach ($targets as $i => [$type, $target]) {
			$base = $type === 'core-properties'
				? 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
				: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
			$xml .= '<Relationship Id="rId' . ($i + 1) . '" Type="' . $base . $type . '" Target="' . self::escape($target) . '"/>';
		}
		return $xml . '</Relationships>';
	}

	/**
	 * [Content_Types].xml: defaults for rels, xml and png, and an override per part.
	 *
	 * @param array<string, string> $overrides part name (with leading slash) => content type
	 */
	public static function contentTypes(array $overrides): string {
		$xml = self::XML_HEADER . '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
			. '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
			. '<Default Extension="xml" ContentType="application/xml"/>'
			. '<Default Extension="png" ContentType="image/png"/>';
		foreach ($overrides as $part => $type) {
			$xml .= '<Override PartName="' . self::escape($part) . '" ContentType="' . $type . '"/>';
		}
		return $xml . '</Types>';
	}

	/** docProps/core.xml with the title and language. */
	public static function coreProperties(string $title, string $language): string {
		return self::XML_HEADER . '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
			. ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
			. '<dc:title>' . self::escape($title) . '</dc:title><dc:language>' . self::escape($language) . '</dc:language>'
			. '<dc:creator>Pilot Feedback</dc:creator>'
			. '<dcterms:created xsi:type="dcterms:W3CDTF">' . gmdate('Y-m-d\TH:i:s\Z') . '</dcterms:created>'
			. '</cp:coreProperties>';
	}

	public static function escape(string $text): string {
		return htmlspecialchars(Text::xml($text), ENT_XML1 | ENT_QUOTES, 'UTF-8');
	}
}
