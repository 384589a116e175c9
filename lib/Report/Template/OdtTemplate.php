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
 * Puts an ODT report into an authority's ODT template (letterhead): the report keeps its
 * content; its styles.xml becomes the template's, so the template's fonts, named styles, page
 * layout, header and footer (with their pictures, e.g. a logo) apply.
 *
 * The report's own named styles fill what the template lacks, and its further page styles
 * (a landscape page for a wide table) get the template's header and footer. Where the
 * template's footer has no page number, the report's "Page n of m" line is added to it.
 */
final class OdtTemplate {
	private const STYLE = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0';
	private const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
	private const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
	private const XLINK = 'http://www.w3.org/1999/xlink';
	private const MANIFEST = 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0';
	/** The page style a report's pages use unless a paragraph names another. */
	private const DEFAULT_MASTER = 'Standard';
	private const PICTURE_PREFIX = 'Pictures/template-';

	/**
	 * Checks that a file can serve as the ODT template.
	 *
	 * @throws TemplateException with what is wrong
	 */
	public static function check(Package $template): void {
		$type = trim($template->get('mimetype'));
		if (!in_array($type, ['application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.text-template'], true)) {
			throw new TemplateException('The file is no OpenDocument text (.odt or .ott): choose a text document made with LibreOffice or another office suite.');
		}
		$styles = $template->xml('styles.xml');
		$xpath = self::xpath($styles);
		if (!Nodes::exists($xpath, '//office:master-styles/style:master-page')) {
			throw new TemplateException('The template has no page style, so it holds no header, footer or page layout to use.');
		}
	}

	/**
	 * The report, in the template's layout.
	 *
	 * @throws TemplateException when the template cannot be used
	 */
	public static function apply(Package $report, Package $template): Package {
		self::check($template);
		$ours = $report->xml('styles.xml');
		$theirs = $template->xml('styles.xml');
		$pictures = self::copyPictures($report, $template, $theirs);
		self::addMissing($ours, $theirs, 'office:font-face-decls', 'style:font-face');
		self::addMissing($ours, $theirs, 'office:styles', 'style:style');
		self::addMissing($ours, $theirs, 'office:styles', 'text:list-style');
		self::mergeMasterPages($ours, $theirs);
		$report->parts['styles.xml'] = (string)$theirs->saveXML();
		self::addToManifest($report, $pictures);
		return $report;
	}

	/**
	 * Copies the template's pictures (those its styles refer to) under new names and points
	 * the styles at them.
	 *
	 * @return array<string, string> new path => media type
	 */
	private static function copyPictures(Package $report, Package $template, DOMDocument $styles): array {
		$copied = [];
		$xpath = self::xpath($styles);
		foreach (Nodes::all($xpath, '//@xlink:href') as $href) {
			$path = (string)$href->nodeValue;
			if (!$template->has($path) || str_contains($path, '..')) {
				continue;
			}
			$target = self::PICTURE_PREFIX . basename($path);
			$report->parts[$target] = $template->get($path);
			$href->nodeValue = $target;
			$copied[$target] = self::mediaType($path);
		}
		return $copied;
	}

	/** Adds our children of $parent (by name) that the template does not define. */
	private static function addMissing(DOMDocument $ours, DOMDocument $theirs, string $parent, string $child): void {
		$ourXpath = self::xpath($ours);
		$theirXpath = self::xpath($theirs);
		$target = Nodes::first($theirXpath, '/*/' . $parent);
		if (!$target instanceof DOMElement) {
			$root = $theirs->documentElement;
			if ($root === null) {
				return;
			}
			[$prefix, $local] = explode(':', $parent);
			$target = $theirs->createElementNS(self::OFFICE, $prefix . ':' . $local);
			$root->insertBefore($target, $root->firstChild);
		}
		foreach (Nodes::all($ourXpath, '/*/' . $parent . '/' . $child) as $node) {
			if (!$node instanceof DOMElement) {
				continue;
			}
			$name = $node->getAttributeNS(self::STYLE, 'name');
			$family = $node->getAttributeNS(self::STYLE, 'family');
			$query = '/*/' . $parent . '/' . $child . '[@style:name=' . self::literal($name) . ']';
			if ($family !== '') {
				$query = '/*/' . $parent . '/' . $child . '[@style:name=' . self::literal($name) . ' and @style:family=' . self::literal($family) . ']';
			}
			if (!Nodes::exists($theirXpath, $query)) {
				$target->appendChild($theirs->importNode($node, true));
			}
		}
	}

	/**
	 * The template's default page style stays; the report's other page styles (and the page
	 * layouts they use) are added with the template's header and footer. The page number line
	 * is added where the template's footer has none.
	 */
	private static function mergeMasterPages(DOMDocument $ours, DOMDocument $theirs): void {
		$ourXpath = self::xpath($ours);
		$theirXpath = self::xpath($theirs);
		$theirMasters = Nodes::first($theirXpath, '/*/office:master-styles');
		if (!$theirMasters instanceof DOMElement) {
			return;
		}
		$default = Nodes::first($theirXpath, '/*/office:master-styles/style:master-page[@style:name="' . self::DEFAULT_MASTER . '"]')
			?? Nodes::first($theirXpath, '/*/office:master-styles/style:master-page');
		if (!$default instanceof DOMElement) {
			return;
		}
		if ($default->getAttributeNS(self::STYLE, 'name') !== self::DEFAULT_MASTER) {
			// Our content uses the default page style by its name; the template's first one is it.
			$default->setAttributeNS(self::STYLE, 'style:name', self::DEFAULT_MASTER);
		}
		$ourDefault = Nodes::first($ourXpath, '/*/office:master-styles/style:master-page[@style:name="' . self::DEFAULT_MASTER . '"]');
		$pageNumbers = $ourDefault instanceof DOMElement ? Nodes::first($ourXpath, 'style:footer/text:p', $ourDefault) : null;
		if ($pageNumbers !== null && !Nodes::exists(self::xpath($theirs), './/text:page-number', $default)) {
			$footer = Nodes::first($theirXpath, 'style:footer', $default);
			if (!$footer instanceof DOMElement) {
				$footer = $theirs->createElementNS(self::STYLE, 'style:footer');
				$default->appendChild($footer);
				self::ensureFooterStyle($theirs, $default->getAttributeNS(self::STYLE, 'page-layout-name'));
			}
			$footer->appendChild($theirs->importNode($pageNumbers, true));
		}

		$theirAutomatic = Nodes::first($theirXpath, '/*/office:automatic-styles');
		foreach (Nodes::all($ourXpath, '/*/office:master-styles/style:master-page') as $master) {
			if (!$master instanceof DOMElement || $master->getAttributeNS(self::STYLE, 'name') === self::DEFAULT_MASTER) {
				continue;
			}
			$layoutName = $master->getAttributeNS(self::STYLE, 'page-layout-name');
			$layout = Nodes::first($ourXpath, '/*/office:automatic-styles/style:page-layout[@style:name=' . self::literal($layoutName) . ']');
			$newLayout = 'PF_' . $layoutName;
			if ($layout instanceof DOMElement && $theirAutomatic instanceof DOMElement) {
				$copy = $theirs->importNode($layout, true);
				if ($copy instanceof DOMElement) {
					$copy->setAttributeNS(self::STYLE, 'style:name', $newLayout);
					self::copyHeaderFooterStyle($theirXpath, $default, $copy);
					$theirAutomatic->appendChild($copy);
				}
			}
			$newMaster = $theirs->createElementNS(self::STYLE, 'style:master-page');
			$newMaster->setAttributeNS(self::STYLE, 'style:name', $master->getAttributeNS(self::STYLE, 'name'));
			$newMaster->setAttributeNS(self::STYLE, 'style:page-layout-name', $newLayout);
			foreach (Nodes::all($theirXpath, '*', $default) as $part) {
				$newMaster->appendChild($part->cloneNode(true));
			}
			$theirMasters->appendChild($newMaster);
		}
	}

	/** Gives a landscape page layout the header and footer sizes of the template's page. */
	private static function copyHeaderFooterStyle(DOMXPath $theirXpath, DOMElement $default, DOMElement $layout): void {
		$name = $default->getAttributeNS(self::STYLE, 'page-layout-name');
		$theirLayout = Nodes::first($theirXpath, '/*/office:automatic-styles/style:page-layout[@style:name=' . self::literal($name) . ']');
		if (!$theirLayout instanceof DOMElement) {
			return;
		}
		foreach (['style:header-style', 'style:footer-style'] as $part) {
			foreach ((Nodes::all($theirXpath, $part, $layout)) as $old) {
				$layout->removeChild($old);
			}
			$style = Nodes::first($theirXpath, $part, $theirLayout);
			if ($style !== null) {
				$layout->appendChild($style->cloneNode(true));
			}
		}
	}

	/** A footer added to a page needs room in its page layout. */
	private static function ensureFooterStyle(DOMDocument $theirs, string $layoutName): void {
		$xpath = self::xpath($theirs);
		$layout = Nodes::first($xpath, '/*/office:automatic-styles/style:page-layout[@style:name=' . self::literal($layoutName) . ']');
		if (!$layout instanceof DOMElement || Nodes::exists($xpath, 'style:footer-style', $layout)) {
			return;
		}
		$footerStyle = $theirs->createElementNS(self::STYLE, 'style:footer-style');
		$properties = $theirs->createElementNS(self::STYLE, 'style:header-footer-properties');
		$properties->setAttributeNS('urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0', 'fo:min-height', '0.6cm');
		$properties->setAttributeNS('urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0', 'fo:margin-top', '0.4cm');
		$footerStyle->appendChild($properties);
		$layout->appendChild($footerStyle);
	}

	/** @param array<string, string> $files path => media type */
	private static function addToManifest(Package $report, array $files): void {
		if ($files === []) {
			return;
		}
		$manifest = $report->xml('META-INF/manifest.xml');
		$root = $manifest->documentElement;
		if ($root === null) {
			return;
		}
		foreach ($files as $path => $type) {
			$entry = $manifest->createElementNS(self::MANIFEST, 'manifest:file-entry');
			$entry->setAttributeNS(self::MANIFEST, 'manifest:full-path', $path);
			$entry->setAttributeNS(self::MANIFEST, 'manifest:media-type', $type);
			$root->appendChild($entry);
		}
		$report->parts['META-INF/manifest.xml'] = (string)$manifest->saveXML();
	}

	public static function mediaType(string $path): string {
		return match (strtolower(pathinfo($path, PATHINFO_EXTENSION))) {
			'png' => 'image/png',
			'jpg', 'jpeg' => 'image/jpeg',
			'gif' => 'image/gif',
			'svg' => 'image/svg+xml',
			'emf' => 'image/x-emf',
			'wmf' => 'image/x-wmf',
			default => 'application/octet-stream',
		};
	}

	private static function xpath(DOMDocument $dom): DOMXPath {
		$xpath = new DOMXPath($dom);
		$xpath->registerNamespace('office', self::OFFICE);
		$xpath->registerNamespace('style', self::STYLE);
		$xpath->registerNamespace('text', self::TEXT);
		$xpath->registerNamespace('xlink', self::XLINK);
		return $xpath;
	}

	/** An XPath string literal for any text. */
	private static function literal(string $value): string {
		if (!str_contains($value, '"')) {
			return '"' . $value . '"';
		}
		return 'concat("' . str_replace('"', '", \'"\', "', $value) . '")';
	}
}
