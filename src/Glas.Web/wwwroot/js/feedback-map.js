// Citizen feedback maps (progressive enhancement: every page works without them).
// A container [data-feedback-map] carries its settings in data attributes:
//   data-mode="pick"   the report form: a click (or the button, for keyboard users) sets the point
//                      and fills the latitude and longitude fields; typing in them moves the marker.
//   data-mode="points" the public list: markers of the public reports from data-src (JSON).
//   data-mode="point"  one report's place, from data-lat and data-lon.
(function () {
  "use strict";
  if (typeof L === "undefined") { return; }

  function number(text) {
    var v = parseFloat(String(text || "").replace(",", "."));
    return isFinite(v) ? v : null;
  }

  function setUp(box) {
    var d = box.dataset;
    var bounds = (d.bounds || "").split(",").map(number);
    var area = bounds.length === 4 && bounds.every(function (v) { return v !== null; })
      ? L.latLngBounds([bounds[0], bounds[1]], [bounds[2], bounds[3]]) : null;
    box.hidden = false;
    var canvas = box.querySelector(".feedback-map-canvas");
    var map = L.map(canvas, { keyboard: true, maxBounds: area ? area.pad(0.5) : null });
    L.tileLayer(d.tiles, { maxZoom: 19, attribution: d.attribution || "" }).addTo(map);
    canvas.setAttribute("aria-label", d.label || "");
    canvas.setAttribute("role", "application");

    if (d.mode === "points") {
      if (area) { map.fitBounds(area); }
      fetch(d.src, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (points) {
          var markers = points.map(function (p) {
            var link = document.createElement("a");
            link.href = p.url;
            link.textContent = p.number + " " + p.title;
            var status = document.createElement("div");
            status.textContent = p.status;
            var popup = document.createElement("div");
            popup.appendChild(link);
            popup.appendChild(status);
            return L.marker([p.lat, p.lon], { title: p.number + " " + p.title, alt: p.number }).bindPopup(popup);
          });
          if (markers.length > 0) {
            var group = L.featureGroup(markers).addTo(map);
            map.fitBounds(group.getBounds().pad(0.2), { maxZoom: 16 });
          }
        })
        .catch(function () { /* the list beside the map still shows every report */ });
      return;
    }

    if (d.mode === "point") {
      var here = [number(d.lat), number(d.lon)];
      map.setView(here, 16);
      L.marker(here, { alt: d.label || "", keyboard: false }).addTo(map);
      return;
    }

    // "pick"
    var lat = document.getElementById(d.latitude);
    var lon = document.getElementById(d.longitude);
    var button = box.querySelector("button[data-centre]");
    var marker = null;
    function show(point, fill) {
      if (marker) { marker.setLatLng(point); } else { marker = L.marker(point, { alt: d.markerLabel || "", keyboard: false }).addTo(map); }
      if (fill) {
        lat.value = point.lat.toFixed(6);
        lon.value = point.lng.toFixed(6);
      }
    }
    var start = [number(lat.value), number(lon.value)];
    if (start[0] !== null && start[1] !== null) {
      map.setView(start, 16);
      show(L.latLng(start), false);
    } else if (area) {
      map.fitBounds(area);
    }
    map.on("click", function (e) { show(e.latlng, true); });
    if (button) {
      button.addEventListener("click", function () { show(map.getCenter(), true); });
    }
    function typed() {
      var a = number(lat.value), b = number(lon.value);
      if (a !== null && b !== null) { show(L.latLng(a, b), false); map.panTo([a, b]); }
    }
    lat.addEventListener("change", typed);
    lon.addEventListener("change", typed);
  }

  document.querySelectorAll("[data-feedback-map]").forEach(setUp);
})();
