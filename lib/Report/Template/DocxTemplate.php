<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Template;

use DOMDocument;
use DOMElement;
use DOMXPath;

/**
 * Puts a DOCX report into an authority's Word template (letterhead): the template's styles,
 * theme, page margins, header and footer (with their pictures) apply to every section of the
 * report; the report's own styles fill what the template lacks. A style the template has
 * under the same name (Word localises style ids: "heading 1" may be "berschrift1") is used
 * instead of the report's. Where the template has no footer, or one without a page number,
 * the report's "Page n of m" line stays.
 */
final class DocxTemplate {
	private const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
	private const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
	private const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
	private const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
	private const REL_HEADER = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header';
	private const REL_FOOTER = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer';
	private const REL_THEME = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme';
	private const TYPE_HEADER = 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml';
	private const TYPE_FOOTER = 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml';
	private const TYPE_THEME = 'application/vnd.openxmlformats-officedocument.theme+xml';
	private const PREFIX = 'template-';

	/**
	 * Checks that a file can serve as the DOCX template.
	 *
	 * @throws TemplateException with what is wrong
	 */
	public static function check(Package $template): void {
		if (!$template->has('[Content_Types].xml') || !$template->has('word/document.xml')) {
			throw new TemplateException('The file is no Word document (.docx or .dotx): choose a document made with Word, LibreOffice or another office suite.');
		}
		$template->xml('word/document.xml');
		$template->xml('word/styles.xml');
	}

	/**
	 * The report, in the template's layout.
	 *
	 * @throws TemplateException when the template cannot be used
	 */
	public static function apply(Package $report, Package $template): Package {
		self::check($template);
		$document = $report->xml('word/document.xml');
		$relations = $report->xml('word/_rels/document.xml.rels');
		$types = $report->xml('[Content_Types].xml');

		$references = self::copyHeadersAndFooters($report, $template, $relations, $types);
		self::copyTheme($report, $template, $relations, $types);
		$report->parts['word/styles.xml'] = self::mergeStyles($report->xml('word/styles.xml'), $template->xml('word/styles.xml'), $document);
		self::applySections($document, $references, self::templateMargins($template));

		$report->parts['word/document.xml'] = (string)$document->saveXML();
		$report->parts['word/_rels/document.xml.rels'] = (string)$relations->saveXML();
		$report->parts['[Content_Types].xml'] = (string)$types->saveXML();
		return $report;
	}

	/**
	 * Copies the header and footer parts of the template's last section, with the pictures
	 * they show, and relates them to the report's body.
	 *
	 * @return list<array{kind: 'header'|'footer', type: string, id: string}>
	 */
	private static function copyHeadersAndFooters(Package $report, Package $template, DOMDocument $relations, DOMDocument $types): array {
		$templateDocument = $template->xml('word/document.xml');
		$templateRelations = $template->has('word/_rels/document.xml.rels') ? $template->xml('word/_rels/document.xml.rels') : null;
		$xpath = self::xpath($templateDocument);
		$section = Nodes::first($xpath, '/w:document/w:body/w:sectPr');
		if (!$section instanceof DOMElement || $templateRelations === null) {
			return [];
		}
		$references = [];
		$number = 0;
		foreach (Nodes::all($xpath, 'w:headerReference | w:footerReference', $section) as $reference) {
			if (!$reference instanceof DOMElement) {
				continue;
			}
			$kind = $reference->localName === 'headerReference' ? 'header' : 'footer';
			$target = self::target($templateRelations, $reference->getAttributeNS(self::R, 'id'));
			if ($target === null || !$template->has('word/' . $target)) {
				continue;
			}
			$number++;
			$name = self::PREFIX . $kind . $number . '.xml';
			$part = $template->get('word/' . $target);
			if ($kind === 'footer' && !str_contains($part, 'PAGE')) {
				$part = self::withPageNumbers($part, $report);
			}
			$report->parts['word/' . $name] = $part;
			self::copyPartRelations($report, $template, $target, $name, $types);
			$id = 'rIdTpl' . $number;
			self::addRelation($relations, $id, $kind === 'header' ? self::REL_HEADER : self::REL_FOOTER, $name);
			self::addOverride($types, '/word/' . $name, $kind === 'header' ? self::TYPE_HEADER : self::TYPE_FOOTER);
			$references[] = ['kind' => $kind, 'type' => $reference->getAttributeNS(self::W, 'type') ?: 'default', 'id' => $id];
		}
		return $references;
	}

	/** Adds the report's page number paragraph to a template footer that has none. */
	private static function withPageNumbers(string $footer, Package $report): string {
		$ours = $report->get('word/footer1.xml');
		if (preg_match('#<w:p[ >].*</w:p>#s', $ours, $match) !== 1) {
			return $footer;
		}
		$position = strrpos($footer, '</w:ftr>');
		return $position === false ? $footer : substr($footer, 0, $position) . $match[0] . substr($footer, $position);
	}

	/** Copies a header's or footer's own relations and the pictures they point at. */
	private static function copyPartRelations(Package $report, Package $template, string $target, string $name, DOMDocument $types): void {
		$relsPath = 'word/_rels/' . basename($target) . '.rels';
		if (!$template->has($relsPath)) {
			return;
		}
		$rels = $template->xml($relsPath);
		foreach (Nodes::all(self::xpath($rels), '/pr:Relationships/pr:Relationship') as $relation) {
			if (!$relation instanceof DOMElement || $relation->getAttribute('TargetMode') === 'External') {
				continue;
			}
			$media = $relation->getAttribute('Target');
			$source = 'word/' . ltrim($media, '/');
			if (str_contains($media, '..') || !$template->has($source)) {
				continue;
			}
			$copy = 'media/' . self::PREFIX . basename($media);
			$report->parts['word/' . $copy] = $template->get($source);
			$relation->setAttribute('Target', $copy);
			self::addDefault($types, strtolower(pathinfo($media, PATHINFO_EXTENSION)));
		}
		$report->parts['word/_rels/' . $name . '.rels'] = (string)$rels->saveXML();
	}

	private static function copyTheme(Package $report, Package $template, DOMDocument $relations, DOMDocument $types): void {
		if (!$template->has('word/theme/theme1.xml') || $report->has('word/theme/theme1.xml')) {
			return;
		}
		$report->parts['word/theme/theme1.xml'] = $template->get('word/theme/theme1.xml');
		self::addRelation($relations, 'rIdTplTheme', self::REL_THEME, 'theme/theme1.xml');
		self::addOverride($types, '/word/theme/theme1.xml', self::TYPE_THEME);
	}

	/**
	 * The template's styles, plus the report's that it lacks; the report's paragraphs and
	 * tables point at the template's style of the same name where there is one.
	 */
	private static function mergeStyles(DOMDocument $ours, DOMDocument $theirs, DOMDocument $document): string {
		$theirXpath = self::xpath($theirs);
		$root = $theirs->documentElement;
		if ($root === null) {
			return (string)$ours->saveXML();
		}
		$byId = [];
		/** @var array<string, string> $byName lower-case style name => the template's style id */
		$byName = [];
		foreach (Nodes::all($theirXpath, '/w:styles/w:style') as $style) {
			if ($style instanceof DOMElement) {
				$byId[$style->getAttributeNS(self::W, 'styleId')] = true;
				$name = Nodes::first($theirXpath, 'w:name/@w:val', $style)?->nodeValue;
				if ($name !== null) {
					$byName[mb_strtolower($name)] = $style->getAttributeNS(self::W, 'styleId');
				}
			}
		}
		$renamed = [];
		$ourXpath = self::xpath($ours);
		foreach (Nodes::all($ourXpath, '/w:styles/w:style') as $style) {
			if (!$style instanceof DOMElement) {
				continue;
			}
			$id = $style->getAttributeNS(self::W, 'styleId');
			if (isset($byId[$id])) {
				continue;
			}
			$name = mb_strtolower((string)Nodes::first($ourXpath, 'w:name/@w:val', $style)?->nodeValue);
			if ($name !== '' && isset($byName[$name])) {
				$renamed[$id] = $byName[$name];
				continue;
			}
			$root->appendChild($theirs->importNode($style, true));
		}
		if ($renamed !== []) {
			$documentXpath = self::xpath($document);
			foreach (Nodes::all($documentXpath, '//w:pStyle | //w:tblStyle | //w:rStyle') as $use) {
				if ($use instanceof DOMElement && isset($renamed[$use->getAttributeNS(self::W, 'val')])) {
					$use->setAttributeNS(self::W, 'w:val', $renamed[$use->getAttributeNS(self::W, 'val')]);
				}
			}
			foreach (Nodes::all($theirXpath, '/w:styles/w:style/w:basedOn | /w:styles/w:style/w:next') as $use) {
				if ($use instanceof DOMElement && isset($renamed[$use->getAttributeNS(self::W, 'val')])) {
					$use->setAttributeNS(self::W, 'w:val', $renamed[$use->getAttributeNS(self::W, 'val')]);
				}
			}
		}
		return (string)$theirs->saveXML();
	}

	/** @return array<string, string>|null the template's page margins (w:pgMar attributes) */
	private static function templateMargins(Package $template): ?array {
		$xpath = self::xpath($template->xml('word/document.xml'));
		$margins = Nodes::first($xpath, '/w:document/w:body/w:sectPr/w:pgMar');
		if (!$margins instanceof DOMElement) {
			return null;
		}
		$values = [];
		foreach (['top', 'right', 'bottom', 'left', 'header', 'footer', 'gutter'] as $side) {
			$value = $margins->getAttributeNS(self::W, $side);
			if ($value !== '') {
				$values[$side] = $value;
			}
		}
		return $values;
	}

	/**
	 * Every section of the report (the last, and those a landscape table opens) gets the
	 * template's headers, footers and margins; a footer kind the template lacks keeps ours.
	 *
	 * @param list<array{kind: 'header'|'footer', type: string, id: string}> $references
	 * @param array<string, string>|null $margins
	 */
	private static function applySections(DOMDocument $document, array $references, ?array $margins): void {
		$xpath = self::xpath($document);
		$hasFooter = array_filter($references, static fn (array $r): bool => $r['kind'] === 'footer') !== [];
		foreach (Nodes::all($xpath, '//w:sectPr') as $section) {
			if (!$section instanceof DOMElement) {
				continue;
			}
			foreach ((Nodes::all($xpath, 'w:headerReference' . ($hasFooter ? ' | w:footerReference' : ''), $section)) as $old) {
				$section->removeChild($old);
			}
			foreach (array_reverse($references) as $reference) {
				$element = $document->createElementNS(self::W, 'w:' . $reference['kind'] . 'Reference');
				$element->setAttributeNS(self::W, 'w:type', $reference['type']);
				$element->setAttributeNS(self::R, 'r:id', $reference['id']);
				$section->insertBefore($element, $section->firstChild);
			}
			if ($margins !== null) {
				$pgMar = Nodes::first($xpath, 'w:pgMar', $section);
				if ($pgMar instanceof DOMElement) {
					$landscape = Nodes::exists($xpath, 'w:pgSz[@w:orient="landscape"]', $section);
					foreach ($margins as $side => $value) {
						// On a landscape page the template's top and bottom stay top and bottom.
						if ($landscape && in_array($side, ['left', 'right'], true)) {
							continue;
						}
						$pgMar->setAttributeNS(self::W, 'w:' . $side, $value);
					}
				}
			}
		}
	}

	private static function target(DOMDocument $relations, string $id): ?string {
		foreach (Nodes::all(self::xpath($relations), '/pr:Relationships/pr:Relationship') as $relation) {
			if ($relation instanceof DOMElement && $relation->getAttribute('Id') === $id && $relation->getAttribute('TargetMode') !== 'External') {
				$target = ltrim($relation->getAttribute('Target'), '/');
				$target = str_starts_with($target, 'word/') ? substr($target, 5) : $target;
				return str_contains($target, '..') ? null : $target;
			}
		}
		return null;
	}

	private static function addRelation(DOMDocument $relations, string $id, string $type, string $target): void {
		$root = $relations->documentElement;
		if ($root === null) {
			return;
		}
		$relation = $relations->createElementNS(self::PR, 'Relationship');
		$relation->setAttribute('Id', $id);
		$relation->setAttribute('Type', $type);
		$relation->setAttribute('Target', $target);
		$root->appendChild($relation);
	}

	private static function addOverride(DOMDocument $types, string $part, string $type): void {
		$root = $types->documentElement;
		if ($root === null) {
			return;
		}
		$override = $types->createElementNS(self::CT, 'Override');
		$override->setAttribute('PartName', $part);
		$override->setAttribute('ContentType', $type);
		$root->appendChild($override);
	}

	private static function addDefault(DOMDocument $types, string $extension): void {
		$root = $types->documentElement;
		if ($root === null || $extension === '') {
			return;
		}
		foreach (Nodes::all(self::xpath($types), '/ct:Types/ct:Default') as $default) {
			if ($default instanceof DOMElement && strcasecmp($default->getAttribute('Extension'), $extension) === 0) {
				return;
			}
		}
		$default = $types->createElementNS(self::CT, 'Default');
		$default->setAttribute('Extension', $extension);
		$default->setAttribute('ContentType', OdtTemplate::mediaType('x.' . $extension));
		$root->insertBefore($default, $root->firstChild);
	}

	private static function xpath(DOMDocument $dom): DOMXPath {
		$xpath = new DOMXPath($dom);
		$xpath->registerNamespace('w', self::W);
		$xpath->registerNamespace('r', self::R);
		$xpath->registerNamespace('pr', self::PR);
		$xpath->registerNamespace('ct', self::CT);
		return $xpath;
	}
}
