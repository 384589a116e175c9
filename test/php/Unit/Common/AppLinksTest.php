<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Common;

use OCA\PilotFeedback\Common\AppLinks;
use OCP\IURLGenerator;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/**
 * An item's URL is recognised (link previews) with and without "/index.php", whichever form
 * the server writes its own links in: a server with pretty URLs (Nextcloud as the web server's
 * front controller) opens both, and people paste both.
 */
final class AppLinksTest extends TestCase {
	/**
	 * @param string $origin e.g. "https://cloud.example.org"
	 * @param string $webroot "" or e.g. "/nextcloud"
	 * @param bool $pretty whether the server writes its links without "/index.php"
	 */
	private function links(string $origin, string $webroot, bool $pretty): AppLinks {
		$route = $webroot . ($pretty ? '' : '/index.php') . '/apps/pilotfeedback/';
		$urls = $this->createMock(IURLGenerator::class);
		$urls->method('linkToRoute')->willReturn($route);
		$urls->method('linkToRouteAbsolute')->willReturn($origin . $route);
		$urls->method('getWebroot')->willReturn($webroot);
		return new AppLinks($urls);
	}

	/** @return iterable<string, array{string, string, bool}> */
	public static function servers(): iterable {
		yield 'index.php' => ['https://cloud.example.org', '', false];
		yield 'pretty URLs' => ['https://cloud.example.org', '', true];
		yield 'index.php below a web root' => ['https://example.org:8443', '/nextcloud', false];
		yield 'pretty URLs below a web root' => ['https://example.org:8443', '/nextcloud', true];
	}

	#[DataProvider('servers')]
	public function testBothFormsOfAnItemUrlAreRecognised(string $origin, string $webroot, bool $pretty): void {
		$links = $this->links($origin, $webroot, $pretty);
		$base = $origin . $webroot;

		self::assertSame(12, $links->itemIdIn($base . '/index.php/apps/pilotfeedback/items/12'));
		self::assertSame(12, $links->itemIdIn($base . '/apps/pilotfeedback/items/12'));
		self::assertSame(7, $links->itemIdIn($base . '/index.php/apps/pilotfeedback/#/items/7'));
		self::assertSame(7, $links->itemIdIn($base . '/apps/pilotfeedback/items/7/?tab=comments'));
		// and the link the server writes itself
		self::assertSame(5, $links->itemIdIn($links->item(5)));
	}

	#[DataProvider('servers')]
	public function testOtherUrlsAreNot(string $origin, string $webroot, bool $pretty): void {
		$links = $this->links($origin, $webroot, $pretty);
		$base = $origin . $webroot;

		self::assertNull($links->itemIdIn('https://elsewhere.example/apps/pilotfeedback/items/12'));
		self::assertNull($links->itemIdIn($base . '/index.php/apps/otherapp/items/12'));
		self::assertNull($links->itemIdIn($base . '/apps/pilotfeedback/items/twelve'));
		self::assertNull($links->itemIdIn($base . '/index.php/index.php/apps/pilotfeedback/items/12'));
		self::assertNull($links->itemIdIn($base . '/apps/pilotfeedback/items/12/comments'));
	}

	public function testAnotherPortIsAnotherServer(): void {
		$links = $this->links('http://127.0.0.1:8190', '', true);

		self::assertNull($links->itemIdIn('http://127.0.0.1/apps/pilotfeedback/items/12'));
		self::assertSame(12, $links->itemIdIn('http://127.0.0.1:8190/index.php/apps/pilotfeedback/items/12'));
	}
}
